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
        // the shipped duration, read now: the diff is checked whatever the analysts set it to
        long[] days = new long[2];
        byte[] after = edit(before, wb -> {
            Row amicable = AnalystWorkspace.rowStartingWith(wb.getSheet("Canaux"), "AMICABLE_SETTLEMENT");
            days[0] = (long) amicable.getCell(1).getNumericCellValue();
            days[1] = days[0] + 5;
            amicable.getCell(1).setCellValue(days[1]);
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
                assertThat(r.before()).containsEntry("Canal", "AMICABLE_SETTLEMENT").containsEntry("Délai attendu (jours)", days[0]);
                assertThat(r.after()).containsEntry("Canal", "AMICABLE_SETTLEMENT").containsEntry("Délai attendu (jours)", days[1]);
            });
        });
    }

    @Test
    void insertingARowAboveOthersAddsOneRowAndModifiesNone() {
        byte[] before = read(CAUSES);
        int at = rowOf(before, "Motifs CRM", "MISSING_ITEMS");
        byte[] after = edit(before, wb -> {
            Sheet sheet = wb.getSheet("Motifs CRM");
            sheet.shiftRows(at - 1, sheet.getLastRowNum(), 1);
            Row row = sheet.createRow(at - 1);
            row.createCell(0).setCellValue("OTHER");
            row.createCell(1).setCellValue("NEEDS_REVIEW");
            row.createCell(2).setCellValue("MC-NEW");
        });

        List<Change.RowChange> rows = RulesetDiff.between(Map.of(CAUSES, before), Map.of(CAUSES, after)).get(0).rows();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.change()).isEqualTo(Change.Kind.ADDED);
            assertThat(r.sheet()).isEqualTo("Motifs CRM");
            assertThat(r.row()).isEqualTo(at);
            assertThat(r.before()).isNull();
            assertThat(r.after()).containsEntry("Code motif CRM", "OTHER").containsEntry("ID", "MC-NEW");
        });
    }

    @Test
    void textSheetRowsAreKeyedByTheirId() {
        byte[] before = read(CAUSES);
        int at = rowOf(before, "Concepts", "FACTURE");
        byte[] after = edit(before, wb -> {
            Sheet concepts = wb.getSheet("Concepts");
            int idColumn = AnalystWorkspace.idColumn(concepts);
            Row invoice = AnalystWorkspace.rowStartingWith(concepts, "FACTURE");
            invoice.getCell(2).setCellValue(invoice.getCell(2).getStringCellValue() + "; facturette");
            String id = invoice.getCell(idColumn).getStringCellValue();
            concepts.shiftRows(at - 1, concepts.getLastRowNum(), 1);
            Row row = concepts.createRow(at - 1);
            row.createCell(0).setCellValue("SABOTAGE");
            row.createCell(1).setCellValue("fr");
            row.createCell(2).setCellValue("saboter");
            row.createCell(idColumn).setCellValue("CON-900");
            assertThat(id).isNotBlank();
        });

        List<Change.RowChange> rows = RulesetDiff.between(Map.of(CAUSES, before), Map.of(CAUSES, after)).get(0).rows();

        assertThat(rows).extracting(Change.RowChange::change, Change.RowChange::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Change.Kind.ADDED, at),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.MODIFIED, at + 1));
        assertThat(rows.get(0).after()).containsEntry("Concept", "SABOTAGE").containsEntry("ID", "CON-900");
        assertThat(rows.get(1).after().get("Mots et expressions (séparés par ;)").toString()).endsWith("; facturette");
        assertThat(rows.get(1).after().get("ID")).isEqualTo(rows.get(1).before().get("ID"));
    }

    @Test
    void deletingARowAndEditingAnotherBelowIsOneRemovalAndOneModification() {
        byte[] before = read(CAUSES);
        int removed = rowOf(before, "Motifs CRM", "WRONG_ITEMS");
        int edited = rowOf(before, "Motifs CRM", "POOR_SERVICE");
        byte[] after = edit(before, wb -> {
            Sheet sheet = wb.getSheet("Motifs CRM");
            AnalystWorkspace.rowStartingWith(sheet, "POOR_SERVICE").getCell(1).setCellValue("DEFECTIVE_PRODUCT");
            sheet.shiftRows(removed, sheet.getLastRowNum(), -1);
        });

        List<Change.RowChange> rows = RulesetDiff.between(Map.of(CAUSES, before), Map.of(CAUSES, after)).get(0).rows();

        assertThat(rows).extracting(Change.RowChange::change, Change.RowChange::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Change.Kind.REMOVED, removed),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.MODIFIED, edited - 1));
        assertThat(rows.get(1).before()).containsEntry("Sous-cause", "UNSATISFACTORY_SERVICE");
        assertThat(rows.get(1).after()).containsEntry("Sous-cause", "DEFECTIVE_PRODUCT").containsEntry("Code motif CRM", "POOR_SERVICE");
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

    /** Swaps every cell of two rows, whatever its type (a moved row keeps its ID with it). */
    private static void swap(Row a, Row b) {
        for (int i = 0; i < Math.max(a.getLastCellNum(), b.getLastCellNum()); i++) {
            Object x = value(a.getCell(i));
            Object y = value(b.getCell(i));
            put(a, i, y);
            put(b, i, x);
        }
    }

    private static Object value(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case BLANK -> null;
            default -> cell.toString();
        };
    }

    private static void put(Row row, int column, Object value) {
        if (value == null) {
            if (row.getCell(column) != null) {
                row.removeCell(row.getCell(column));
            }
        } else if (value instanceof Double number) {
            (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(number);
        } else if (value instanceof Boolean flag) {
            (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(flag);
        } else {
            (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(value.toString());
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
