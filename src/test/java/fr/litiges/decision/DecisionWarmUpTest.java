package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up's complaints go through every stage of the shipped rules, so they warm what real ones use. */
class DecisionWarmUpTest {
    private final DecisionService service = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(),
            new DecisionProperties(5_000));

    @Test
    void theSamplesReachEveryStageOfTheShippedRules() {
        List<Decision> decisions = DecisionWarmUp.samples().stream().map(c -> service.decide(c, "fr")).toList();

        assertThat(decisions).allSatisfy(decision -> {
            assertThat(decision.resolution().recommendedChannel()).isNotNull();
            assertThat(decision.routing().department()).isNotNull();
            assertThat(decision.paymentImpact().policy()).isNotNull();
        });
        assertThat(decisions.stream().flatMap(d -> d.trace().stream()).map(Decision.TraceEntry::source).distinct())
                .anyMatch(source -> source.endsWith(".xlsx")).anyMatch(source -> source.endsWith(".drl"));
    }

    @Test
    void aWarmUpOfZeroDecidesNothing() {
        new DecisionWarmUp(null, 0).run(null);
    }
}
