package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' typical mistakes, caught cell by cell before anything is compiled, in their words. */
class AnalystMistakesTest {
    private static final String SHEET = "Canaux";

    @Test
    void aMisspeltChannelNamesTheCellTheCodeAndTheFix() {
        var translation = FixtureWorkbook.translate(wb -> FixtureWorkbook.set(wb, SHEET, 13, 0, "BUSINES_MEDIATION"));

        assertThat(translation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo(FixtureWorkbook.SOURCE);
            assertThat(problem.sheet()).isEqualTo(SHEET);
            assertThat(problem.row()).isEqualTo(13);
            assertThat(problem.cell()).isEqualTo("A13");
            assertThat(problem.message()).startsWith("A13 (Canal) : canal inconnu « BUSINES_MEDIATION »")
                    .contains("vouliez-vous écrire « BUSINESS_MEDIATION »").contains("valeurs possibles : AMICABLE_SETTLEMENT, ");
            assertThat(problem.in(Locale.ENGLISH).message()).contains("unknown channel 'BUSINES_MEDIATION'");
            assertThat(problem.toString()).isEqualTo(FixtureWorkbook.SOURCE + ", feuille Canaux, cellule A13 : " + problem.message());
        });
    }

    @Test
    void frenchNumbersAreReadAsTheAnalystMeantThem() {
        var translation = FixtureWorkbook.translate(wb -> {
            FixtureWorkbook.set(wb, SHEET, 12, 2, "0,75");
            FixtureWorkbook.set(wb, SHEET, 13, 2, "75 %");
            FixtureWorkbook.set(wb, SHEET, 12, 3, "10 000 €");
            FixtureWorkbook.set(wb, SHEET, 13, 3, "10\u00a0000");
            FixtureWorkbook.set(wb, SHEET, 14, 1, "180 jours");
            FixtureWorkbook.set(wb, SHEET, 12, 4, "oui");
            FixtureWorkbook.set(wb, SHEET, 13, 4, "Non");
        });

        assertThat(translation.problems()).isEmpty();
        assertThat(translation.drl()).contains("new ChannelSuccessRate($s.getChannel(), 0.75)").doesNotContain("0,75").contains("position >= 10000")
                .contains("new ChannelDuration($s.getChannel(), 180)").contains("position != 0 || true").contains("position != 0 || false");
    }

    @Test
    void aRateTypedAsAPercentageWithoutItsSignIsRefusedWithTheFix() {
        var translation = FixtureWorkbook.translate(wb -> FixtureWorkbook.set(wb, SHEET, 12, 2, 75));

        assertThat(translation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("C12");
            assertThat(problem.message()).contains("un taux s'écrit entre 0 et 1 ; écrivez 0,75 ou 75 %");
        });
    }

    @Test
    void textWhereANumberIsExpectedOrAWrongBooleanIsOneMessageEach() {
        var translation = FixtureWorkbook.translate(wb -> {
            FixtureWorkbook.set(wb, SHEET, 12, 1, "soixante");
            FixtureWorkbook.set(wb, SHEET, 13, 3, "10.000,50");
            FixtureWorkbook.set(wb, SHEET, 14, 4, "peut-être");
        });

        assertThat(translation.problems()).extracting(RuleProblem::cell).containsExactly("B12", "D13", "E14");
        assertThat(translation.problems().get(0).message()).contains("« soixante » n'est pas un nombre de jours ; écrivez par exemple 15");
        assertThat(translation.problems().get(2).message()).contains("écrivez oui ou non");
        assertThat(translation.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("Exception", "mismatched", "int, int"));
    }

    @Test
    void anEmptyRequiredCellIsNamed() {
        var translation = FixtureWorkbook.translate(wb -> FixtureWorkbook.set(wb, SHEET, 14, 1, null));

        assertThat(translation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("B14");
            assertThat(problem.message()).contains("cellule vide ; cette colonne est obligatoire");
        });
    }

    @Test
    void aBlankRowInsideATableNamesItAndTheRowsItWouldHide() {
        var translation = FixtureWorkbook.translate(wb -> {
            for (int column = 0; column < 6; column++) {
                FixtureWorkbook.set(wb, SHEET, 13, column, null);
            }
        });

        assertThat(translation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(13);
            assertThat(problem.message()).contains("s'arrête à la ligne 13 vide ; 1 ligne suivante, la ligne 14, seraient ignorées");
        });
    }

    @Test
    void aSheetDeclaredAMillionRowsLongAfterADeletionStillLoads() {
        var translation = FixtureWorkbook.translate(wb -> wb.getSheet(SHEET).createRow(1_048_575));

        assertThat(translation.problems()).isEmpty();
        assertThat(translation.rules()).hasSize(3);
    }

    @Test
    void aMissingOrDuplicatedIdIsNamedAtItsCell() {
        var translation = FixtureWorkbook.translate(wb -> {
            FixtureWorkbook.set(wb, SHEET, 13, 5, null);
            FixtureWorkbook.set(wb, SHEET, 14, 5, "CAN-001");
        });

        assertThat(translation.problems()).extracting(RuleProblem::cell).containsExactly("F13", "F14");
        assertThat(translation.problems().get(0).message()).contains("identifiant manquant");
        assertThat(translation.problems().get(1).message()).contains("« CAN-001 » déjà utilisé ligne 12");
    }

    @Test
    void aColumnWithoutDescriptionAsksForOne() {
        var translation = FixtureWorkbook.translate(wb -> FixtureWorkbook.set(wb, SHEET, 11, 3, "Plancher"));

        assertThat(translation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("D11");
            assertThat(problem.message()).contains("la colonne « Plancher » de la table « Canaux » n'a pas de description ; ajoutez à la feuille Colonnes");
        });
    }

    @Test
    void aTableWithoutIdColumnIsRefusedWithTheFix() {
        var translation = FixtureWorkbook.translate(wb -> {
            for (int row = 8; row <= 14; row++) {
                FixtureWorkbook.set(wb, SHEET, row, 5, null);
            }
        });

        assertThat(translation.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("n'a pas de colonne ID").contains("CAN-001"));
    }

    @Test
    void rulesAreNamedByTheirIdSoInsertingARowRenamesNoOtherRule() {
        var before = FixtureWorkbook.translate(wb -> { });
        var after = FixtureWorkbook.translate(wb -> {
            wb.getSheet(SHEET).shiftRows(11, 13, 1);
            FixtureWorkbook.set(wb, SHEET, 12, 0, "THIRD_PARTY_MEDIATION");
            FixtureWorkbook.set(wb, SHEET, 12, 1, 60);
            FixtureWorkbook.set(wb, SHEET, 12, 2, 0.7);
            FixtureWorkbook.set(wb, SHEET, 12, 5, "CAN-004");
        });

        assertThat(after.problems()).isEmpty();
        Map<String, Integer> rowsBefore = before.rules().values().stream().collect(Collectors.toMap(RuleOrigin::ruleId, RuleOrigin::row));
        Map<String, Integer> rowsAfter = after.rules().values().stream().collect(Collectors.toMap(RuleOrigin::ruleId, RuleOrigin::row));
        assertThat(rowsBefore).containsOnlyKeys("CAN-001", "CAN-002", "CAN-003");
        assertThat(rowsAfter).containsEntry("CAN-004", 12).containsEntry("CAN-001", 13).containsEntry("CAN-003", 15);
        assertThat(after.rules().keySet()).containsAll(before.rules().keySet());
        assertThat(after.rules().get("Canaux CAN-002")).satisfies(origin -> {
            assertThat(origin.ruleName()).isEqualTo("Canaux CAN-002");
            assertThat(origin.sheet()).isEqualTo(SHEET);
            assertThat(origin.row()).isEqualTo(14);
        });
    }

    @Test
    void editorsCopiesAreIgnoredAndListed(@TempDir Path root) throws IOException {
        Path tables = Files.createDirectories(root.resolve("decision-tables"));
        Path rules = Files.createDirectories(root.resolve("rules"));
        for (String name : new String[] {"causes.xlsx", "causes - Copie.xlsx", "Copy of causes.xlsx", "~$causes.xlsx", "causes.xlsx.bak",
                ".~lock.causes.xlsx#"}) {
            Files.write(tables.resolve(name), new byte[] {1});
        }
        RuleFolders folders = new RuleFolders(rules, tables);

        assertThat(folders.read()).extracting(RuleFile::source).containsExactly("decision-tables/causes.xlsx");
        assertThat(folders.ignoredCopies()).containsExactlyInAnyOrder("decision-tables/causes - Copie.xlsx",
                "decision-tables/Copy of causes.xlsx", "decision-tables/~$causes.xlsx", "decision-tables/causes.xlsx.bak",
                "decision-tables/.~lock.causes.xlsx#");
    }

    @Test
    void theSameTableInTwoWorkbooksIsOneMessageNamingBoth() {
        RuleFile first = FixtureWorkbook.file("decision-tables/a.xlsx", FixtureWorkbook.channels());
        RuleFile second = FixtureWorkbook.file("decision-tables/b.xlsx", FixtureWorkbook.channels());

        RulesetCompilation compilation = new RulesetCompiler().compile(java.util.List.of(first, second), java.time.Instant.now());

        assertThat(compilation.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("la table « Canaux » est définie dans deux classeurs : decision-tables/a.xlsx et decision-tables/b.xlsx"));
    }
}
