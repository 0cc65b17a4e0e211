package fr.litiges.ruleset;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Compiles the analysts' folders at start; a broken ruleset stops the start with every problem listed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesetProperties.class)
class RulesetConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RulesetConfiguration.class);

    @Bean
    RulesetCompiler rulesetCompiler() {
        return new RulesetCompiler();
    }

    @Bean
    ActiveRuleset activeRuleset(RulesetCompiler compiler, RulesetProperties properties) {
        RuleFolders folders = properties.folders();
        RulesetCompilation compilation = compiler.compile(folders);
        if (!compilation.succeeded()) {
            throw new InvalidRulesetException(compilation.problems());
        }
        Ruleset ruleset = compilation.ruleset();
        log.info("Ruleset {} loaded from {} and {}: {} rules in {} files ({})", ruleset.version(),
                folders.rulesDir(), folders.tablesDir(), ruleset.ruleCount(), ruleset.files().size(), ruleset.hash());
        return new ActiveRuleset(ruleset);
    }

    @Bean
    RulesetReloader rulesetReloader(RulesetCompiler compiler, RulesetProperties properties, ActiveRuleset active,
                                    ObjectProvider<RulesetGate> gates, MeterRegistry metrics, Clock clock) {
        return new RulesetReloader(compiler, properties.folders(), active, gates.orderedStream().toList(), metrics, clock);
    }

    /** Watches rules, tables and scenarios: a change to any of them re-runs the gate. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "litiges.ruleset.watch", havingValue = "true", matchIfMissing = true)
    RuleFolderWatcher ruleFolderWatcher(RulesetProperties properties, RulesetReloader reloader,
                                        @Value("${litiges.scenarios.dir:scenarios}") Path scenarios) throws IOException {
        RuleFolderWatcher watcher = new RuleFolderWatcher(List.of(properties.rulesDir(), properties.tablesDir(), scenarios),
                properties.debounce(), () -> reloader.reload("watcher", false));
        watcher.start();
        return watcher;
    }
}
