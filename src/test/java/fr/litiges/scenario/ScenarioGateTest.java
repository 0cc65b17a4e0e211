package fr.litiges.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.ShippedRuleset;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetGate;
import fr.litiges.ruleset.RulesetSource;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A scenario book that crashes is that book's problem: the refusal still lists, table by table, the rows no scenario covers. */
class ScenarioGateTest {

    /** A kind of book whose player breaks down, as a bug or a corrupt book would. */
    private static final ScenarioBookKind CRASHING = new ScenarioBookKind() {
        @Override
        public boolean reads(String source) {
            return source.endsWith("crash.xlsx");
        }

        @Override
        public Outcome run(Ruleset ruleset, String source, byte[] book, Set<String> fired) {
            throw new IllegalStateException("boom");
        }
    };

    @Test
    void aCrashingBookIsRefusedWithTheRowsNoScenarioCoversStillListed() {
        Ruleset ruleset = ShippedRuleset.get();
        DecisionService decisions = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000));
        ScenarioRunner runner = new ScenarioRunner(Path.of("unused"), decisions, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator(), List.of(CRASHING));
        RulesetSource source = RulesetSource.of(Map.of("scenarios/crash.xlsx", "not read".getBytes(StandardCharsets.UTF_8)));

        RulesetGate.Verdict verdict = new ScenarioGate(runner).check(ruleset, source);

        assertThat(verdict.failures()).first().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("scenarios/crash.xlsx");
            assertThat(problem.message()).contains("n'a pas pu être joué", "boom");
        });
        assertThat(verdict.failures()).filteredOn(p -> p.message().startsWith("pour information, lignes qu'aucun scénario ne couvre"))
                .extracting(RuleProblem::sheet).isNotEmpty().doesNotContainNull();
    }
}
