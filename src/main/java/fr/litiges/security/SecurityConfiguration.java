package fr.litiges.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Only the CRM (role {@code decider}) asks for decisions; only rule
 * administrators ({@code rules-admin}) reload rules or read the metrics; a scraper's key with the
 * role {@code monitoring} reads {@code /actuator/prometheus} and nothing else. Callers show an API key
 * ({@code X-API-Key}) or an OAuth2/OIDC bearer token; health, info and the API documentation stay
 * public. With nothing configured the service runs in the local default: loopback only, with the
 * documented local keys, and a loud warning; it refuses to listen beyond loopback like that.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, FailedAuthLimits.class})
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The paths only rule administrators reach (besides the metrics the scraper may read too). */
    static final String[] RULES_ADMIN_PATHS = {"/api/v1/ruleset/**", "/api/v1/rulesets", "/api/v1/rulesets/**",
            "/api/v1/reports", "/api/v1/reports/**", "/api/v1/console", "/api/v1/console/**", "/actuator", "/actuator/**"};

    @Bean
    ApiKeys apiKeys(SecurityProperties properties, @Value("${server.address:}") String address) {
        if (!properties.localDefault()) {
            return new ApiKeys(properties.apiKeys());
        }
        if (!isLoopback(address)) {
            throw new IllegalStateException("No API key (litiges.security.api-keys) and no token issuer (litiges.security.jwt.issuer-uri) "
                    + "are configured, yet server.address is '" + address + "'. The local keys only serve on loopback: configure "
                    + "keys or an issuer before listening on a network (see docs/security.md).");
        }
        log.warn("""

                ******************************************************************************
                * SECURITY: no API key and no token issuer configured. LOCAL DEFAULT: the     *
                * service listens on loopback only and accepts the documented local keys      *
                * 'local-decider-key' (decider) and 'local-admin-key' (rules-admin). Configure *
                * litiges.security.api-keys or litiges.security.jwt before any real use.       *
                ******************************************************************************""");
        return new ApiKeys(ApiKeys.LOCAL);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Bean
    ProblemResponses securityProblems(JsonMapper json) {
        return new ProblemResponses(json);
    }

    /** Picked up by Spring Security for its firewall's refusals (a RequestRejectedException): a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.rejected(request, response);
    }

    @Bean
    FailedAuthentications failedAuthentications(FailedAuthLimits limits) {
        return new FailedAuthentications(limits, java.time.Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ApiKeys keys, ProblemResponses problems,
                                    FailedAuthentications failures,
                                    org.springframework.beans.factory.ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(keys, problems, failures), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll();
                    if (properties.publicDocs()) {
                        requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    }
                    requests.requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(Roles.MONITORING, Roles.RULES_ADMIN);
                    requests.requestMatchers("/api/v1/decisions", "/api/v1/decisions/**").hasAnyRole(Roles.DECIDER, Roles.RULES_ADMIN)
                            .requestMatchers("/api/v1/prevention/plans", "/api/v1/prevention/plans/**").hasAnyRole(Roles.DECIDER, Roles.RULES_ADMIN)
                            .requestMatchers(HttpMethod.GET, "/api/v1/ruleset").hasAnyRole(Roles.DECIDER, Roles.RULES_ADMIN)
                            // Every rule-management path is named here: whatever is not named is only "authenticated",
                            // so that an unknown path is a 404 for any caller, not a 403 that reveals nothing useful.
                            .requestMatchers(RULES_ADMIN_PATHS).hasRole(Roles.RULES_ADMIN)
                            .anyRequest().authenticated();
                });
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesFrom(properties.jwt().rolesClaim()))));
        }
        return http.build();
    }

    /**
     * Decodes bearer tokens of the configured issuer. The issuer's keys are fetched on the first
     * token, not at start, so the service starts even while the identity provider is away.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${litiges.security.jwt.issuer-uri:}' != '' or '${litiges.security.jwt.jwk-set-uri:}' != ''")
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        SecurityProperties.Jwt jwt = properties.jwt();
        return new SupplierJwtDecoder(() -> {
            if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
                decoder.setJwtValidator(jwt.issuerUri() == null || jwt.issuerUri().isBlank()
                        ? JwtValidators.createDefault()
                        : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(jwt.issuerUri())));
                return decoder;
            }
            return JwtDecoders.fromIssuerLocation(jwt.issuerUri());
        });
    }

    /** The roles of a token are the values of the configured claim: a list, or a space-separated string. */
    static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return token -> {
            Object value = token.getClaims().get(claim);
            Collection<String> roles = new ArrayList<>();
            if (value instanceof Collection<?> list) {
                list.forEach(role -> roles.add(String.valueOf(role)));
            } else if (value instanceof String text) {
                roles.addAll(List.of(text.split("[\\s,]+")));
            }
            List<GrantedAuthority> authorities = Roles.authorities(roles);
            return new JwtAuthenticationToken(token, authorities, token.getSubject());
        };
    }
}
