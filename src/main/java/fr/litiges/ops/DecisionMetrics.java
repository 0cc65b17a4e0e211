package fr.litiges.ops;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.InvalidComplaintException;
import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Decision;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Observes every decision: a timer {@code litiges.decisions} labelled with the outcome and the
 * decision's codes (cause, channel, confidence: fixed lists, never an id or a text), a count of
 * abstentions (cause UNKNOWN, sent to review), and the rules each decision fired. A batch is
 * observed complaint by complaint. The codes are only known at the end, so a failed or refused
 * decision carries {@code none} for them, keeping one set of label names per metric.
 */
final class DecisionMetrics {
    static final String DECISIONS = "litiges.decisions";
    static final String ABSTENTIONS = "litiges.decisions.abstentions";
    private static final String NONE = "none";

    private final ObservationRegistry observations;
    private final RulesetMetrics rulesets;
    private final Counter abstentions;

    DecisionMetrics(ObservationRegistry observations, MeterRegistry registry, RulesetMetrics rulesets) {
        this.observations = observations;
        this.rulesets = rulesets;
        this.abstentions = Counter.builder(ABSTENTIONS)
                .description("Decisions that found no cause (UNKNOWN / NEEDS_REVIEW) and leave the complaint to a person")
                .register(registry);
    }

    /** Runs one decision, the intercepted call to DecisionService, inside its observation. */
    Object observe(MethodInvocation decision) throws Throwable {
        Observation observation = Observation.createNotStarted(DECISIONS, observations)
                .contextualName("decide complaint")
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            Object result = decision.proceed();
            if (result instanceof Decision decided) {
                observation.lowCardinalityKeyValues(codes(decided));
                record(decided);
            }
            return result;
        } catch (Throwable e) {
            String outcome = e instanceof InvalidComplaintException ? "invalid" : e instanceof DecisionFailedException ? "failed" : "error";
            observation.lowCardinalityKeyValues(KeyValues.of("outcome", outcome, "cause", NONE, "channel", NONE, "confidence", NONE));
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    static KeyValues codes(Decision decision) {
        Decision.Classification classification = decision.classification();
        return KeyValues.of(
                "outcome", "decided",
                "cause", classification == null || classification.primaryCause() == null ? NONE : classification.primaryCause().name(),
                "channel", decision.resolution() == null || decision.resolution().recommendedChannel() == null
                        ? NONE : decision.resolution().recommendedChannel().name(),
                "confidence", classification == null || classification.confidence() == null ? NONE : classification.confidence().name());
    }

    void record(Decision decision) {
        if (decision.classification() != null && decision.classification().primaryCause() == Cause.UNKNOWN) {
            abstentions.increment();
        }
        rulesets.countHits(decision);
    }
}
