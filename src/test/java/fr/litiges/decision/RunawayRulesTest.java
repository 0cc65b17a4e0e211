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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that never stops is stopped, with a clear error, and the next decision is fine. */
class RunawayRulesTest {
    @TempDir
    Path workdir;
    private ActiveRuleset active;
    /** How the ordinary complaint is classified when no rule runs away, whatever the analysts' policy says. */
    private fr.litiges.decision.api.Decision.Classification normally;

    private final Complaint trigger = Complaints.fromJson("""
            {"complaintId": "LOOP-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"}, "text": "boucle"}
            """);
    private final Complaint ordinary = Complaints.fromResource("/decision/contract-example.json");

    @BeforeEach
    void aRulesetWithARuleThatRefiresForever() throws IOException {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // Updating its own fact re-activates the rule: without the guards it would fire forever.
        Files.writeString(workspace.rules().resolve("runaway.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Runaway"
                when
                    $d : Dispute( complaintId == "LOOP-1" )
                then
                    update($d);
                end
                """);
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        active = new ActiveRuleset(compilation.ruleset());
        normally = new DecisionService(active, Clock.systemUTC(), new DecisionProperties(5_000, Duration.ofMinutes(1)))
                .decide(ordinary, "en").classification();
    }

    @Test
    void theFiringCapStopsALoopingRule() {
        DecisionService service = new DecisionService(active, Clock.systemUTC(), new DecisionProperties(2_000, Duration.ofMinutes(1)));

        assertThatThrownBy(() -> service.decide(trigger, "en"))
                .isInstanceOf(DecisionFailedException.class)
                .hasMessageContaining("fired more than 2000 times")
                .hasMessageContaining("Runaway")
                .hasMessageContaining("rules/runaway.drl")
                .satisfies(e -> assertThat(((DecisionFailedException) e).french())
                        .contains("les règles se sont déclenchées plus de 2000 fois", "une règle boucle", "Runaway",
                                "vérifiez que ses actions ne recréent pas les conditions"));
        assertThat(service.decide(ordinary, "en").classification()).isEqualTo(normally);
    }

    @Test
    void theTimeBudgetStopsARuleThatRunsTooLong() {
        // Warm first: a cold ruleset's first decision spends its processor time compiling constraints.
        new DecisionService(active, Clock.systemUTC(), new DecisionProperties(5_000, Duration.ofMinutes(1))).decide(ordinary, "en");
        DecisionService service = new DecisionService(active, Clock.systemUTC(), new DecisionProperties(Integer.MAX_VALUE - 10, Duration.ofMillis(50)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> service.decide(trigger, "en"))
                .isInstanceOf(DecisionFailedException.class)
                .hasMessageContaining("time budget of 50 ms")
                .hasMessageContaining("Runaway");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(service.decide(ordinary, "en").classification()).isEqualTo(normally);
    }
}
