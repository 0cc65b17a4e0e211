package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** routing.xlsx, sheet Services, is first-match: the table, not Java, keeps the first department. */
class ServicesFirstMatchTest {
    @TempDir
    Path workdir;

    private static Decision decide(AnalystWorkspace workspace, Complaint complaint) {
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        return new DecisionService(new ActiveRuleset(compilation.ruleset()), Clock.systemUTC(), new DecisionProperties(5000)).decide(complaint, "en");
    }

    @Test
    void aSecondServicesRowForTheSameCauseNeitherDecidesNorAppearsInTheTrace() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        Decision before = decide(workspace, example);
        String cause = before.classification().primaryCause().name();
        String other = before.routing().department().name().equals("LEGAL") ? "SALES" : "LEGAL";

        workspace.editTable("routing.xlsx", workbook -> AnalystWorkspace.appendRow(workbook.getSheet("Services"), cause, other));
        Decision after = decide(workspace, example);

        assertThat(after.routing().department()).isEqualTo(before.routing().department());
        assertThat(after.trace()).filteredOn(entry -> "Services".equals(entry.sheet())).hasSize(1);
    }
}
