package fr.litiges.ruleset;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The compiler, the active ruleset (empty until start-up puts one through the gate) and the one
 * activator. Where rulesets come from (folders, versions) and when they go live is the versions
 * feature's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesetProperties.class)
class RulesetConfiguration {

    @Bean
    RulesetCompiler rulesetCompiler() {
        return new RulesetCompiler();
    }

    @Bean
    ActiveRuleset activeRuleset() {
        return new ActiveRuleset();
    }

    @Bean
    RulesetActivator rulesetActivator(RulesetCompiler compiler, ActiveRuleset active, ObjectProvider<RulesetGate> gates,
                                      MeterRegistry metrics, Clock clock) {
        return new RulesetActivator(compiler, active, gates.orderedStream().toList(), metrics, clock);
    }

    /** Readiness: DOWN until a ruleset has passed the gate and is active. */
    @Bean
    HealthIndicator rulesetHealthIndicator(ActiveRuleset active) {
        return () -> active.isActive()
                ? Health.up().withDetail("version", active.current().version()).build()
                : Health.down().withDetail("reason", "no ruleset has passed the gate yet").build();
    }
}
