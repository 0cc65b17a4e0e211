package fr.litiges.text;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.testing.AnalystWorkspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** The shipped text sheets read as analysts edit them: every row has an ID, unique in its sheet, that names it in the trace. */
class TextTablesTest {
    private static final String CAUSES = "decision-tables/causes.xlsx";

    private static TextRules.Reading read(Consumer<Workbook> change) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(CAUSES));
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book);
            book.write(out);
            return TextTables.read(CAUSES, out.toByteArray());
        }
    }

    @Test
    void theShippedSheetsHaveAnIdOnEveryRowAndThePatternsIdNamesTheMatch() throws IOException {
        TextRules.Reading reading = read(book -> { });
        assertThat(reading.problems()).isEmpty();
        PatternMatch match = reading.rules().match("Vous nous avez facturés deux fois la même commande.").get(0);
        assertThat(match.pattern().id()).isNotBlank();
        assertThat(match.pattern().ruleId()).isEqualTo(match.pattern().id());
        assertThat(match.concepts()).allSatisfy(concept -> assertThat(concept).matches("[A-Z_]+ \\([A-Za-z0-9_.-]+, Concepts, row \\d+: .*"));
    }

    @Test
    void aMissingOrRepeatedIdIsNamedByFileSheetAndCell() throws IOException {
        int[] rows = new int[2];
        TextRules.Reading reading = read(book -> {
            Sheet patterns = book.getSheet(TextTables.PATTERNS);
            int idColumn = AnalystWorkspace.idColumn(patterns);
            Row first = AnalystWorkspace.rowStartingWith(patterns, "DUPLICATE_INVOICE");
            Row next = patterns.getRow(first.getRowNum() + 1);
            next.getCell(idColumn).setCellValue(first.getCell(idColumn).getStringCellValue());
            Sheet concepts = book.getSheet(TextTables.CONCEPTS);
            Row concept = AnalystWorkspace.rowStartingWith(concepts, "FACTURE");
            concept.removeCell(concept.getCell(AnalystWorkspace.idColumn(concepts)));
            rows[0] = next.getRowNum() + 1;
            rows[1] = concept.getRowNum() + 1;
        });
        assertThat(reading.problems()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Motifs de texte");
            assertThat(p.row()).isEqualTo(rows[0]);
            assertThat(p.message()).startsWith("I" + rows[0] + " : identifiant « ").contains("déjà utilisé ligne " + (rows[0] - 1));
        });
        assertThat(reading.problems()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Concepts");
            assertThat(p.row()).isEqualTo(rows[1]);
            assertThat(p.message()).startsWith("E" + rows[1] + " : identifiant manquant").contains("par exemple CON-");
        });
    }

    @Test
    void aSheetWithoutIdColumnIsRefused() throws IOException {
        TextRules.Reading reading = read(book -> {
            Sheet synonyms = book.getSheet(TextTables.SYNONYMS);
            int idColumn = AnalystWorkspace.idColumn(synonyms);
            for (Row row : synonyms) {
                if (row.getCell(idColumn) != null) {
                    row.removeCell(row.getCell(idColumn));
                }
            }
        });
        assertThat(reading.problems()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Synonymes");
            assertThat(p.message()).contains("pas de colonne ID");
        });
    }
}
