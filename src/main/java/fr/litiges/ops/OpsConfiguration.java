package fr.litiges.ops;

import fr.litiges.ruleset.ActiveRuleset;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What operators need around the decisions: correlation ids in logs and responses, and the service's own metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Right after the HTTP observation filter, before the body limits and security, so every answer carries the id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Also notices a ruleset activated while no decision comes by, so the info gauge never lags long. */
    @Bean(destroyMethod = "close")
    RulesetMetrics rulesetMetrics(MeterRegistry registry, ActiveRuleset active, OpsProperties properties) {
        RulesetMetrics metrics = new RulesetMetrics(registry, active, properties.maxRuleLabels());
        metrics.sync();
        metrics.poll(properties.rulesetPoll());
        return metrics;
    }

    @Bean
    DecisionMetrics decisionMetrics(ObservationRegistry observations, MeterRegistry registry, RulesetMetrics rulesets) {
        return new DecisionMetrics(observations, registry, rulesets);
    }

    @Bean
    static DecisionObserver decisionObserver(ObjectProvider<DecisionMetrics> metrics) {
        return new DecisionObserver(metrics);
    }
}
