package fr.litiges.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.testing.AnalystWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "rules fired by at least one scenario");
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
}
