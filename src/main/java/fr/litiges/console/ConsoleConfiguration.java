package fr.litiges.console;

import fr.litiges.decision.DecisionService;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetProperties;
import fr.litiges.scenario.ScenarioCoverage;
import fr.litiges.security.SecurityProperties;
import fr.litiges.versions.RulesetVersions;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the console's static pages from the jar at {@code /console}. The pages themselves hold
 * nothing secret, so they are public; every call they make goes to the API with the analyst's
 * credentials (kept in the page's memory only), under the API's own security chain. No session
 * and no cookie, hence no CSRF token to handle: a forged cross-site request carries no key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http, SecurityProperties security) throws Exception {
        String connect = "'self'" + issuerOrigin(security);
        http.securityMatcher("/console", "/console/**")
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; "
                                + "img-src 'self' data: blob:; connect-src " + connect + "; object-src 'none'; base-uri 'none'; "
                                + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/console", "/console/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** The token endpoint the PKCE flow posts to lives at the issuer: the page may call it, nothing else. */
    private static String issuerOrigin(SecurityProperties security) {
        String issuer = security.jwt().issuerUri();
        if (issuer == null || issuer.isBlank()) {
            return "";
        }
        URI uri = URI.create(issuer.trim());
        return uri.getScheme() == null || uri.getAuthority() == null ? "" : " " + uri.getScheme() + "://" + uri.getAuthority();
    }

    @Bean
    ScenarioCoverage scenarioCoverage(@Value("${litiges.scenarios.dir:scenarios}") Path scenarios, DecisionService decisions,
                                      JsonMapper json, Validator validator) {
        return new ScenarioCoverage(scenarios, decisions, json, validator);
    }

    @Bean
    ConsoleService consoleService(ActiveRuleset rulesets, ScenarioCoverage coverage, RulesetProperties rules, SecurityProperties security,
                                  ConsoleProperties properties, ObjectProvider<RulesetVersions> versions) {
        RulesetVersions stored = versions.getIfAvailable();
        return new ConsoleService(rulesets, coverage, new RulesetFiles(rules.rulesDir(), rules.tablesDir(), coverage.scenariosDir()),
                stored == null ? null : stored::file, security, properties);
    }
}
