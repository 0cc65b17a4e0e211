package fr.litiges.web;

import fr.litiges.security.SecurityConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Web slices run behind the real security configuration and, unless a test says otherwise,
 * call with the documented local administrator key, so they test the contract, not the login.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class LocalApiKey {
    public static final String ADMIN = "local-admin-key";
    public static final String DECIDER = "local-decider-key";

    @Bean
    fr.litiges.decision.DecisionAudit decisionAudit() {
        return new fr.litiges.decision.DecisionAudit(false);
    }

    @Bean
    MockMvcBuilderCustomizer sendTheLocalAdminKey() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").header("X-API-Key", ADMIN));
    }
}
