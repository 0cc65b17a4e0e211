package fr.litiges.impact;

import fr.litiges.decision.DecisionService;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replay and report machinery: one pool of deciding workers for the whole service. Imported by
 * the controllers that use it, so that a web slice with those controllers gets it too.
 */
@Configuration(proxyBeanMethods = false)
public class ImpactConfiguration {

    @Bean
    DecisionPool decisionPool(DecisionService decisions) {
        return new DecisionPool(decisions);
    }

    @Bean
    ImpactReplay impactReplay(DecisionPool pool) {
        return new ImpactReplay(pool);
    }

    @Bean
    DisputesReporter disputesReporter(DecisionPool pool) {
        return new DisputesReporter(pool);
    }

    @Bean
    ComplaintBatchReader complaintBatchReader(JsonMapper json, Validator validator) {
        return new ComplaintBatchReader(json, validator);
    }
}
