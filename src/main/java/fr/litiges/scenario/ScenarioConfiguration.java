package fr.litiges.scenario;

import fr.litiges.decision.DecisionService;
import fr.litiges.ruleset.RulesetGate;
import jakarta.validation.Validator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScenarioProperties.class)
class ScenarioConfiguration {

    @Bean
    ScenarioRunner scenarioRunner(ScenarioProperties properties, DecisionService decisions, JsonMapper json, Validator validator) {
        return new ScenarioRunner(properties.dir(), decisions, json, validator);
    }

    @Bean
    RulesetGate scenarioGate(ScenarioProperties properties, ScenarioRunner runner) {
        return properties.gateOnReload() ? new ScenarioGate(runner) : candidate -> java.util.List.of();
    }
}
