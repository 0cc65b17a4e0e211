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

    private Run validate(AnalystWorkspace workspace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ValidateCommand.run(new String[] {"--rules-dir=" + workspace.rules(), "--tables-dir=" + workspace.tables(),
                "--scenarios-dir=" + workspace.scenarios()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedRulesAreValidAndCoverageIsPrinted() {
        Run run = validate(AnalystWorkspace.copyOfShippedRules(workdir));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Scenarios: all ", " passed", "The ruleset is valid", "Rule coverage: ",
                "decision-tables/causes.xlsx, sheet Indices: ");
    }

    @Test
    void aBrokenRuleFileIsListedWithItsLineAndExitsNonZero() throws Exception {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Files.writeString(workspace.rules().resolve("broken.drl"), "package fr.litiges.rules;\n\nrule \"Broken\"\nwhen\n  Invoice( amount > )\nthen\nend\n");
        workspace.editTable("resolution.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Canaux"), "BUSINESS_MEDIATION").getCell(1).setCellValue("soixante"));

        Run run = validate(workspace);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("The rules do not compile", "rules/broken.drl, line 5",
                "decision-tables/resolution.xlsx, sheet Canaux, row ");
    }

    @Test
    void aFailingScenarioIsListedWithExpectedAndActual() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        workspace.editTable("routing.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Services"), "BILLING_ERROR").getCell(1).setCellValue("SALES"));

        Run run = validate(workspace);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("scenarios/politique-par-defaut.xlsx, sheet Causes, row ",
                "Service attendu expected BILLING, actual SALES");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ValidateCommand.run(new String[] {"--tables=x"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("usage: validate");
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
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("rules/broken.drl, line 2");

        bytes.reset();
        code = ValidateCommand.run(new String[] {"--version=" + "0".repeat(40), "--repository=" + repository},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("No version");
    }
}
