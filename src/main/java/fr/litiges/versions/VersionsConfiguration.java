package fr.litiges.versions;

import fr.litiges.ruleset.RuleFolderWatcher;
import fr.litiges.ruleset.RulesetActivator;
import fr.litiges.ruleset.RulesetProperties;
import fr.litiges.ruleset.RulesetReloader;
import fr.litiges.ruleset.RulesetSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rules repository, the folder path to live, and the start-up, watching and polling that drive them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesetsProperties.class)
class VersionsConfiguration {

    @Bean(destroyMethod = "close")
    GitRulesetStore gitRulesetStore(RulesetsProperties properties) {
        return GitRulesetStore.open(properties.repository(), properties.mirror(), properties.username(), properties.password());
    }

    @Bean
    RulesetVersions rulesetVersions(GitRulesetStore store, RulesetActivator activator, RulesetsProperties properties,
                                    RulesetProperties folders, @Value("${litiges.scenarios.dir:scenarios}") Path scenarios, Clock clock,
                                    fr.litiges.scenario.ScenarioRunner runner) {
        Supplier<RulesetSource> read = () -> RulesetSource.fromFolders(folders.rulesDir(), folders.tablesDir(), scenarios);
        return new RulesetVersions(store, activator, properties, read,
                source -> source.writeTo(folders.rulesDir(), folders.tablesDir(), scenarios), clock, runner::accept);
    }

    /** {@code POST /api/v1/ruleset/reload} and the watcher: the folders, through the activator, recorded as a version. */
    @Bean
    RulesetReloader rulesetReloader(RulesetActivator activator, RulesetVersions versions, RulesetProperties folders,
                                    @Value("${litiges.scenarios.dir:scenarios}") Path scenarios) {
        return new RulesetReloader(activator, () -> RulesetSource.fromFolders(folders.rulesDir(), folders.tablesDir(), scenarios),
                versions::recordFolders);
    }

    /**
     * Readiness: DOWN while this replica serves another version than the repository's active one
     * for longer than the contract's 30 s (or three polls), so a load balancer stops sending it
     * decisions that the other replicas already make on the new rules.
     */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator rulesetReplicaHealthIndicator(RulesetVersions versions,
                                                                                              RulesetsProperties properties) {
        java.time.Duration window = max(java.time.Duration.ofSeconds(30), properties.poll().multipliedBy(3));
        return () -> versions.behind()
                .filter(lag -> lag.compareTo(window) > 0)
                .map(lag -> org.springframework.boot.health.contributor.Health.down()
                        .withDetail("reason", "behind the repository's active version for " + lag.toSeconds() + " s").build())
                .orElseGet(() -> org.springframework.boot.health.contributor.Health.up().build());
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Bean(destroyMethod = "close")
    RulesetLifecycle rulesetLifecycle(RulesetVersions versions, RulesetReloader reloader, RulesetsProperties properties,
                                      RulesetProperties folders, @Value("${litiges.scenarios.dir:scenarios}") Path scenarios) {
        RuleFolderWatcher watcher = folders.watch() && properties.followsFolders()
                ? new RuleFolderWatcher(java.util.List.of(folders.rulesDir(), folders.tablesDir(), scenarios), folders.debounce(),
                () -> reloader.reload("watcher", true))
                : null;
        return new RulesetLifecycle(versions, watcher, properties.poll());
    }
}
