package fr.litiges.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.testing.AnalystWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import fr.litiges.versions.GitRulesetStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' validate command: exit code, summary and every problem located. */
class ValidateCommandTest {
    @TempDir
    Path workdir;

    private record Run(int exitCode, String output) {
    }

    private Run validate(AnalystWorkspace workspace, String... more) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--rules-dir=" + workspace.rules(),
                "--tables-dir=" + workspace.tables(), "--scenarios-dir=" + workspace.scenarios()), java.util.stream.Stream.of(more))
                .toArray(String[]::new);
        int code = ValidateCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedRulesAreValidAndCoverageIsPrinted() {
        Run run = validate(AnalystWorkspace.copyOfShippedRules(workdir));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Scénarios : les ", " passent", "Les règles sont valides", "Couverture : ");
    }

    @Test
    void aBrokenRuleFileIsListedWithItsLineAndExitsNonZero() throws Exception {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Files.writeString(workspace.rules().resolve("broken.drl"), "package fr.litiges.rules;\n\nrule \"Broken\"\nwhen\n  Invoice( amount > )\nthen\nend\n");
        workspace.editTable("resolution.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Canaux"), "BUSINESS_MEDIATION").getCell(1).setCellValue("soixante"));

        Run run = validate(workspace);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Les règles ne se chargent pas", "rules/broken.drl, ligne 5",
                "decision-tables/resolution.xlsx, feuille Canaux, cellule B", "« soixante » n'est pas un nombre de jours");
    }

    @Test
    void aFailingScenarioIsListedWithExpectedAndActual() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // the shipped department, read now, so the test holds whatever the analysts route billing errors to
        String[] shipped = new String[2];
        workspace.editTable("routing.xlsx", workbook -> {
            var department = AnalystWorkspace.rowStartingWith(workbook.getSheet("Services"), "BILLING_ERROR").getCell(1);
            shipped[0] = department.getStringCellValue();
            shipped[1] = shipped[0].equals("SALES") ? "LEGAL" : "SALES";
            department.setCellValue(shipped[1]);
        });

        Run run = validate(workspace);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("scenarios/politique-par-defaut.xlsx, feuille Causes, cellule ",
                "(Service attendu) : scénario « ", "attendu " + shipped[0] + ", obtenu " + shipped[1]);
    }

    /**
     * The analysts' typical changes (a duration, a threshold typed the French way, a new cue row,
     * a row deleted) on a copy of the shipped files: the rules still load, --accept writes the new
     * expected values in a copy of the book (never the original) and lists them, and with the
     * accepted book the scenario gate passes again. Nothing here depends on the shipped figures.
     */
    @Test
    void typicalAnalystChangesLoadAndAcceptUpdatesTheScenarioBookInACopy() throws Exception {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        workspace.editTable("resolution.xlsx", workbook -> {
            var days = AnalystWorkspace.rowStartingWith(workbook.getSheet("Canaux"), "AMICABLE_SETTLEMENT").getCell(1);
            days.setCellValue(days.getNumericCellValue() + 5);
        });
        workspace.editTable("routing.xlsx", workbook -> {
            var sheet = workbook.getSheet("Priorité");
            int header = AnalystWorkspace.rowStartingWith(sheet, "Montant à risque au moins").getRowNum();
            sheet.getRow(header + 1).getCell(0).setCellValue("20 000 €");
        });
        workspace.editTable("causes.xlsx", workbook -> {
            // a new concept word and its pattern, and a removed reason-code row
            AnalystWorkspace.appendRow(workbook.getSheet("Concepts"), "SABOTAGE", "fr", "saboter");
            AnalystWorkspace.appendRow(workbook.getSheet("Motifs de texte"), "UNSATISFACTORY_SERVICE", "SABOTAGE", null, null, 1, "oui", 1);
            var reasons = workbook.getSheet("Motifs CRM");
            int removed = AnalystWorkspace.rowStartingWith(reasons, "POOR_SERVICE").getRowNum();
            reasons.shiftRows(removed + 1, reasons.getLastRowNum(), -1);
        });
        Path book = workspace.scenarios().resolve("politique-par-defaut.xlsx");
        byte[] original = Files.readAllBytes(book);

        Run refused = validate(workspace);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).doesNotContain("Les règles ne se chargent pas").contains("validate --accept");

        Run accepted = validate(workspace, "--accept");

        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("Résultats attendus modifiés", "Délai de résolution attendu (jours)", " → ");
        assertThat(Files.readAllBytes(book)).isEqualTo(original);
        Path copy = workdir.resolve(Acceptance.FOLDER).resolve("politique-par-defaut.xlsx");
        assertThat(copy).exists();

        Files.copy(copy, book, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run again = validate(workspace);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Les règles sont valides");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ValidateCommand.run(new String[] {"--tables=x"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("usage : validate", "option inconnue");
    }

    @Test
    void aStoredVersionIsCheckedWithItsOwnScenarioBooks() throws Exception {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir.resolve("copy"));
        Path repository = workdir.resolve("rulesets.git");
        String good;
        String broken;
        try (GitRulesetStore store = GitRulesetStore.open(repository.toString(), workdir.resolve("mirror"), null, null)) {
            good = store.write(workspace.source(), "a", "shipped", Instant.now(), null);
            store.activate(good, null);
            broken = store.write(workspace.source().with(Map.of("rules/broken.drl",
                    "package fr.litiges.rules;\nrule \"x\" when Invoice( amount > ) then end\n".getBytes(StandardCharsets.UTF_8)), List.of()),
                    "b", "broken", Instant.now(), good);
            store.activate(broken, good);
        }
        // the folders of the working directory play no part: point them somewhere empty
        Files.createDirectories(workdir.resolve("empty"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ValidateCommand.run(new String[] {"--version", broken, "--repository=" + repository,
                "--scenarios-dir=" + workdir.resolve("empty")}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("rules/broken.drl, ligne 2");

        bytes.reset();
        code = ValidateCommand.run(new String[] {"--version=" + "0".repeat(40), "--repository=" + repository},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Aucune version");
    }
}
