package fr.litiges.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.ShippedRuleset;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.scenario.ScenarioBookKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A prevention scenario that fails says so in the analyst's French (English on request), naming the cell to look at. */
class PreventionScenariosTest {
    private static final String BOOK = "scenarios/prevention-essai.xlsx";

    private static byte[] book(String... rowValues) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Essais");
            String[] headers = {"Scénario", "Montant facture", "Statut facture", "Niveau de risque attendu"};
            Row header = sheet.createRow(2);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row row = sheet.createRow(3);
            for (int i = 0; i < rowValues.length; i++) {
                if (rowValues[i] != null) {
                    row.createCell(i).setCellValue(rowValues[i]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<RuleProblem> run(byte[] book) {
        ScenarioBookKind.Outcome outcome = new PreventionScenarios().run(ShippedRuleset.get(), BOOK, book, new HashSet<>());
        assertThat(outcome.scenarios()).isEqualTo(1);
        return outcome.problems();
    }

    @Test
    void aDifferentResultNamesTheCellOfTheExpectedValueInFrenchAndInEnglish() throws IOException {
        // a tier no table can give: the scenario fails whatever the shipped thresholds are
        List<RuleProblem> problems = run(book("Tier impossible", "12500", null, "EXTREME"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo("Essais");
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.cell()).isEqualTo("D4");
            assertThat(problem.message()).startsWith("D4 (Niveau de risque attendu) : scénario « Tier impossible » : attendu EXTREME, obtenu ");
            assertThat(problem.in(Locale.ENGLISH).message()).startsWith("D4 (Niveau de risque attendu): scenario 'Tier impossible': expected EXTREME, actual ");
            assertThat(problem.toString()).startsWith(BOOK + ", feuille Essais, cellule D4 : ");
        });
    }

    @Test
    void aRowThatCannotBePlannedSaysWhyInFrenchWithoutJavaWords() throws IOException {
        List<RuleProblem> problems = run(book("Statut mal écrit", "12500", "PAYEE", "HIGH"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.message()).contains("le scénario « Statut mal écrit » n'a pas pu être planifié",
                    "statut inconnu « PAYEE »", "OPEN, OVERDUE, PAID").doesNotContain("No enum constant", "Exception");
            assertThat(problem.english()).contains("could not be planned", "unknown status 'PAYEE'");
        });
    }
}
