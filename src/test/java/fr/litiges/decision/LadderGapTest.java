package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.api.Complaint;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ladder filled with a gap is the analyst's mistake: said in French, naming where, with the fix. */
class LadderGapTest {
    @TempDir
    Path workdir;

    private final Complaint complaint = Complaints.fromResource("/decision/contract-example.json");

    @Test
    void aRungFilledAfterAnEmptyOneIsExplainedInFrenchNamingItsRow() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // The example's customer is a business without a mediation clause: its ladder row loses its 2nd rung.
        workspace.editTable("resolution.xlsx", workbook -> {
            Sheet ladders = workbook.getSheet("Échelles");
            Row row = null;
            for (Row candidate : ladders) {
                if (candidate.getCell(0) != null && candidate.getCell(0).toString().equals("BUSINESS")
                        && candidate.getCell(1) != null && candidate.getCell(1).toString().matches("(?i)false|non")) {
                    row = candidate;
                }
            }
            row.getCell(5).setBlank();
        });
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        DecisionService service = new DecisionService(new ActiveRuleset(compilation.ruleset()), Clock.systemUTC(),
                new DecisionProperties(5_000, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> service.decide(complaint, "fr"))
                .isInstanceOf(DecisionFailedException.class)
                .hasMessageContaining("rung 3 is filled but rung 2 is empty (Echelles de recours ER-")
                .satisfies(e -> assertThat(((DecisionFailedException) e).french())
                        .contains("une règle a échoué",
                                "le recours 3 est rempli mais le recours 2 est vide (Echelles de recours ER-",
                                "remplissez les recours depuis le premier, sans trou")
                        .doesNotContain("IllegalArgumentException", "rung"));
    }
}
