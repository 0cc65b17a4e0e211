package fr.litiges.scenario;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir           the analysts' scenario books, relative to the working directory unless absolute
 * @param gateOnReload  run every scenario on a new ruleset and refuse it if one fails
 */
@ConfigurationProperties("litiges.scenarios")
public record ScenarioProperties(@DefaultValue("scenarios") Path dir, @DefaultValue("true") boolean gateOnReload) {
}
