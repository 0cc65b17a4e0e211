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
 * @param timeBudget    time allowed for the rules of one decision (a shipped decision takes well under 1 ms)
 */
@ConfigurationProperties("litiges.decision")
public record DecisionProperties(@DefaultValue("5000") int maxRulesFired, @DefaultValue("1s") Duration timeBudget) {

    @ConstructorBinding
    public DecisionProperties {
        if (maxRulesFired < 1) {
            throw new IllegalArgumentException("litiges.decision.max-rules-fired must be at least 1");
        }
        timeBudget = timeBudget == null ? Duration.ofSeconds(1) : timeBudget;
    }

    public DecisionProperties(int maxRulesFired) {
        this(maxRulesFired, Duration.ofSeconds(1));
    }
}
