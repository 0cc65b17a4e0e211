package fr.litiges.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.testing.AnalystWorkspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class RulesetDiffTest {
    private static final String RESOLUTION = "decision-tables/resolution.xlsx";
    private static final String CAUSES = "decision-tables/causes.xlsx";
    private static final String BOOK = "scenarios/politique-par-defaut.xlsx";

    @Test
    void aChangedDurationIsOneModifiedRowKeyedByItsHeadings() {
        byte[] before = read(RESOLUTION);
        byte[] after = edit(before, wb -> {
            Row amicable = AnalystWorkspace.rowStartingWith(wb.getSheet("Canaux"), "AMICABLE_SETTLEMENT");
            amicable.getCell(1).setCellValue(20);
        });
        int row = rowOf(before, "Canaux", "AMICABLE_SETTLEMENT");

        List<Change> changes = RulesetDiff.between(Map.of(RESOLUTION, before), Map.of(RESOLUTION, after));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo(RESOLUTION);
            assertThat(change.kind()).isEqualTo(Change.Kind.MODIFIED);
            assertThat(change.rules()).isEmpty();
            assertThat(change.rows()).singleElement().satisfies(r -> {
                assertThat(r.sheet()).isEqualTo("Canaux");
                assertThat(r.row()).isEqualTo(row);
                assertThat(r.change()).isEqualTo(Change.Kind.MODIFIED);
                assertThat(r.before()).containsEntry("Canal", "AMICABLE_SETTLEMENT").containsEntry("Délai attendu (jours)", 15L);
                assertThat(r.after()).containsEntry("Canal", "AMICABLE_SETTLEMENT").containsEntry("Délai attendu (jours)", 20L);
            });
        });
    }

    @Test
    void insertingARowAboveOthersAddsOneRowAndModifiesNone() {
        byte[] before = read(CAUSES);
        int at = rowOf(before, "Indices", "doublon");
        byte[] after = edit(before, wb -> {
            Sheet sheet = wb.getSheet("Indices");
            sheet.shiftRows(at - 1, sheet.getLastRowNum(), 1);
            Row row = sheet.createRow(at - 1);
            row.createCell(0).setCellValue("facture jumelle");
            row.createCell(1).setCellValue("DUPLICATE_INVOICE");
            row.createCell(2).setCellValue(2);
            row.createCell(3).setCellValue("fr");
        });

        List<Change.RowChange> rows = RulesetDiff.between(Map.of(CAUSES, before), Map.of(CAUSES, after)).get(0).rows();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.change()).isEqualTo(Change.Kind.ADDED);
            assertThat(r.sheet()).isEqualTo("Indices");
            assertThat(r.row()).isEqualTo(at);
            assertThat(r.before()).isNull();
            assertThat(r.after()).containsEntry("Indice (mot ou expression)", "facture jumelle").containsEntry("Poids", 2L);
        });
    }

    @Test
    void deletingARowAndEditingAnotherBelowIsOneRemovalAndOneModification() {
        byte[] before = read(CAUSES);
        int removed = rowOf(before, "Indices", "doublon");
        int edited = rowOf(before, "Indices", "facture identique");
        byte[] after = edit(before, wb -> {
            Sheet sheet = wb.getSheet("Indices");
            AnalystWorkspace.rowStartingWith(sheet, "facture identique").getCell(2).setCellValue(3);
            sheet.shiftRows(removed, sheet.getLastRowNum(), -1);
        });

        List<Change.RowChange> rows = RulesetDiff.between(Map.of(CAUSES, before), Map.of(CAUSES, after)).get(0).rows();

        assertThat(rows).extracting(Change.RowChange::change, Change.RowChange::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Change.Kind.REMOVED, removed),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.MODIFIED, edited - 1));
        assertThat(rows.get(1).before()).containsEntry("Poids", 1L);
        assertThat(rows.get(1).after()).containsEntry("Poids", 3L).containsEntry("Indice (mot ou expression)", "facture identique");
    }

    @Test
    void aRowMovedInAFirstMatchTableShowsWhereItLeftAndWhereItWent() {
        byte[] before = read(RESOLUTION);
        byte[] after = edit(before, wb -> {
            Sheet sheet = wb.getSheet("Canaux");
            Row first = AnalystWorkspace.rowStartingWith(sheet, "AMICABLE_SETTLEMENT");
            Row last = AnalystWorkspace.rowStartingWith(sheet, "JUDICIAL_PROCEEDINGS");
            swap(first, last);
        });

        List<Change.RowChange> rows = RulesetDiff.between(Map.of(RESOLUTION, before), Map.of(RESOLUTION, after)).get(0).rows();

        assertThat(rows).allSatisfy(r -> assertThat(r.change()).isNotEqualTo(Change.Kind.MODIFIED));
        // the two swapped rows each left one place and reached another; the three between them did not change
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().filter(r -> r.change() == Change.Kind.REMOVED).map(Change.RowChange::before))
                .containsExactlyInAnyOrderElementsOf(rows.stream().filter(r -> r.change() == Change.Kind.ADDED).map(Change.RowChange::after).toList());
    }

    @Test
    void scenarioRowsAreMatchedByTheirName() {
        byte[] before = read(BOOK);
        byte[] after = edit(before, wb -> {
            Sheet sheet = wb.getSheet("Recours");
            Row header = AnalystWorkspace.rowStartingWith(sheet, "Scénario");
            int column = -1;
            for (var cell : header) {
                if (cell.toString().startsWith("Délai de résolution attendu")) {
                    column = cell.getColumnIndex();
                }
            }
            Row first = sheet.getRow(header.getRowNum() + 1);
            first.createCell(column).setCellValue(999);
            // and the rows below move down by one
            sheet.shiftRows(header.getRowNum() + 1, sheet.getLastRowNum(), 1);
        });

        List<Change.RowChange> rows = RulesetDiff.between(Map.of(BOOK, before), Map.of(BOOK, after)).get(0).rows();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.sheet()).isEqualTo("Recours");
            assertThat(r.change()).isEqualTo(Change.Kind.MODIFIED);
            assertThat(r.after()).containsEntry("Délai de résolution attendu (jours)", 999L);
            assertThat(r.after().get("Scénario")).isEqualTo(r.before().get("Scénario"));
        });
    }

    @Test
    void sameFilesHaveNoChangeAndNewOrDroppedFilesListTheirRows() {
        byte[] tables = read(RESOLUTION);
        assertThat(RulesetDiff.between(Map.of(RESOLUTION, tables), Map.of(RESOLUTION, tables.clone()))).isEmpty();

        List<Change> added = RulesetDiff.between(Map.of(), Map.of(RESOLUTION, tables));
        assertThat(added).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.ADDED);
            assertThat(c.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.change()).isEqualTo(Change.Kind.ADDED));
            assertThat(c.rows()).anySatisfy(r -> assertThat(r.after()).containsEntry("Canal", "BP5000_CONCILIATION"));
        });
        assertThat(RulesetDiff.between(Map.of(RESOLUTION, tables), Map.of()).get(0).rows())
                .isNotEmpty().allSatisfy(r -> assertThat(r.change()).isEqualTo(Change.Kind.REMOVED));
    }

    @Test
    void anUnreadableWorkbookIsListedWithoutDetail() {
        List<Change> changes = RulesetDiff.between(Map.of(RESOLUTION, read(RESOLUTION)),
                Map.of(RESOLUTION, "not a workbook".getBytes(StandardCharsets.UTF_8)));
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(Change.Kind.MODIFIED));
    }

    @Test
    void drlRulesAreComparedByNameIgnoringLayoutAndComments() {
        String before = """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Kept as is"
                when
                    $d : Dispute( amountAtRisk > 100 )
                then
                    insert(new Object());
                end

                rule "Condition changed"
                when
                    $d : Dispute( amountAtRisk > 100 )
                then
                    insert(new Object());
                end

                rule "Dropped"
                when
                    Dispute()
                then
                end
                """;
        String after = """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                // a new comment above the rule
                rule "Kept as is"
                when
                    $d : Dispute(amountAtRisk > 100)   // reformatted, commented
                then
                    // why it inserts
                    insert( new Object() );
                end

                rule "Condition changed"
                when
                    $d : Dispute( amountAtRisk > 500 )
                then
                    insert(new Object());
                end

                rule "New one"
                    salience 10
                when
                    Dispute()
                then
                end
                """;

        List<Change> changes = RulesetDiff.between(Map.of("rules/x.drl", before.getBytes(StandardCharsets.UTF_8)),
                Map.of("rules/x.drl", after.getBytes(StandardCharsets.UTF_8)));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.rows()).isEmpty();
            assertThat(c.rules()).containsExactlyInAnyOrder(
                    new Change.RuleChange("Condition changed", Change.Kind.MODIFIED, 13),
                    new Change.RuleChange("New one", Change.Kind.ADDED, 20),
                    new Change.RuleChange("Dropped", Change.Kind.REMOVED, 18));
        });
    }

    @Test
    void aShippedDrlFileAddedListsEveryRule() throws IOException {
        byte[] drl = Files.readAllBytes(Path.of("rules/escalation.drl"));
        List<Change> changes = RulesetDiff.between(Map.of(), Map.of("rules/escalation.drl", drl));
        assertThat(changes.get(0).rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.change()).isEqualTo(Change.Kind.ADDED);
            assertThat(r.line()).isPositive();
        });
    }

    private static void swap(Row a, Row b) {
        for (int i = 0; i < Math.max(a.getLastCellNum(), b.getLastCellNum()); i++) {
            String x = a.getCell(i) == null ? null : a.getCell(i).toString();
            String y = b.getCell(i) == null ? null : b.getCell(i).toString();
            if (i == 0) {
                a.getCell(i).setCellValue(y);
                b.getCell(i).setCellValue(x);
            } else if (x != null && y != null) {
                double dx = a.getCell(i).getNumericCellValue();
                a.getCell(i).setCellValue(b.getCell(i).getNumericCellValue());
                b.getCell(i).setCellValue(dx);
            }
        }
    }

    static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] edit(byte[] workbook, Consumer<Workbook> change) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int rowOf(byte[] workbook, String sheet, String firstCell) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            return AnalystWorkspace.rowStartingWith(wb.getSheet(sheet), firstCell).getRowNum() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
