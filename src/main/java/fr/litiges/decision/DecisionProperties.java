package fr.litiges.decision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxRulesFired rule firings allowed for one decision; a ruleset that loops is stopped there
 */
@ConfigurationProperties("litiges.decision")
public record DecisionProperties(@DefaultValue("5000") int maxRulesFired) {
}
