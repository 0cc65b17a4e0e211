package fr.litiges.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings.
 *
 * @param maxRuleLabels how many rules of the active ruleset get their own hit counter; hits of the
 *                      others are counted under {@code ruleId="_other"}, so a huge table cannot
 *                      flood the metrics store
 * @param rulesetPoll   how often the metrics look for a newly activated ruleset when no decision
 *                      comes by (a decision notices it at once)
 */
@ConfigurationProperties("litiges.ops.metrics")
record OpsProperties(@DefaultValue("2000") int maxRuleLabels, @DefaultValue("5s") Duration rulesetPoll) {
    OpsProperties {
        if (maxRuleLabels < 0) {
            throw new IllegalArgumentException("litiges.ops.metrics.max-rule-labels must be 0 or more");
        }
        if (rulesetPoll.isNegative() || rulesetPoll.isZero()) {
            throw new IllegalArgumentException("litiges.ops.metrics.ruleset-poll must be positive");
        }
    }
}
