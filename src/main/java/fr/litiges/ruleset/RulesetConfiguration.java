package fr.litiges.ruleset;

import org.slf4j.Logger;
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
}
