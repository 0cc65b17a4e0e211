package fr.litiges.decision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guards against rules that never stop: a decision is stopped, with a clear error naming the
 * last rule fired, when it fires more rules than the cap or runs longer than the budget.
 *
 * @param maxRulesFired rule firings allowed for one decision (a shipped decision fires about 40)
 * @param timeBudget    processor time allowed for the rules of one decision, a generous guard (a
 *                      shipped decision takes well under 1 ms, a 100-invoice one a few ms); the
 *                      firing cap is what stops a looping rule
 * @param maxTrace      trace entries a decision lists; past it the decision says traceTruncated and
 *                      gives traceTotal, so a large complaint cannot produce a huge answer
 */
@ConfigurationProperties("litiges.decision")
public record DecisionProperties(@DefaultValue("5000") int maxRulesFired, @DefaultValue("10s") Duration timeBudget,
                                 @DefaultValue("500") int maxTrace) {

    @ConstructorBinding
    public DecisionProperties {
        if (maxRulesFired < 1) {
            throw new IllegalArgumentException("litiges.decision.max-rules-fired must be at least 1");
        }
        if (maxTrace < 0) {
            throw new IllegalArgumentException("litiges.decision.max-trace must be at least 0");
        }
        timeBudget = timeBudget == null ? Duration.ofSeconds(10) : timeBudget;
    }

    public DecisionProperties(int maxRulesFired, Duration timeBudget) {
        this(maxRulesFired, timeBudget, 500);
    }

    public DecisionProperties(int maxRulesFired) {
        this(maxRulesFired, Duration.ofSeconds(10));
    }
}
