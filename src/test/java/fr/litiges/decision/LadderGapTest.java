package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.api.Complaint;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ladder filled with a gap is the analyst's mistake: said in French, naming where, with the fix. */
class LadderGapTest {
    @TempDir
    Path workdir;

    private final Complaint complaint = Complaints.fromResource("/decision/contract-example.json");

    @Test
    void aRungFilledAfterAnEmptyOneIsExplainedInFrenchAtItsLine() throws IOException {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Files.writeString(workspace.rules().resolve("gap.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Ladder with a gap"
                salience 1000
                when
                    $l : EscalationLadder()
                then
                    $l.rung(3, "BUSINESS_MEDIATION");
                end
                """);
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        DecisionService service = new DecisionService(new ActiveRuleset(compilation.ruleset()), Clock.systemUTC(),
                new DecisionProperties(5_000, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> service.decide(complaint, "fr"))
                .isInstanceOf(DecisionFailedException.class)
                .hasMessageContaining("rung 3 is filled but rung 2 is empty")
                .satisfies(e -> assertThat(((DecisionFailedException) e).french())
                        .contains("une règle a échoué dans rules/gap.drl, ligne",
                                "le recours 3 est rempli mais le recours 2 est vide",
                                "remplissez les recours depuis le premier, sans trou")
                        .doesNotContain("IllegalArgumentException", "rung"));
    }
}
