package fr.litiges.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the service.
 *
 * @param apiKeys    API keys, each stored as the SHA-256 of the key (hex), with a name for the logs and its roles
 * @param jwt        OAuth2/OIDC bearer tokens: issuer, key set and the claim holding the roles
 * @param publicDocs whether /v3/api-docs and /swagger-ui.html need no credentials
 */
@ConfigurationProperties("litiges.security")
public record SecurityProperties(List<ApiKey> apiKeys, Jwt jwt, @DefaultValue("true") boolean publicDocs) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        jwt = jwt == null ? new Jwt(null, null, "roles") : jwt;
    }

    /**
     * @param name   shown in the logs and the audit trail instead of the key
     * @param sha256 hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum})
     * @param roles  {@code decider}, {@code rules-admin}, {@code monitoring}
     */
    public record ApiKey(String name, String sha256, List<String> roles) {
        public ApiKey {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * @param issuerUri  the token issuer; its keys are discovered from it when no jwkSetUri is given
     * @param jwkSetUri  where the issuer publishes its signing keys
     * @param rolesClaim the claim that lists the caller's roles (a list, or a space-separated string)
     */
    public record Jwt(String issuerUri, String jwkSetUri, @DefaultValue("roles") String rolesClaim) {
        public boolean configured() {
            return (issuerUri != null && !issuerUri.isBlank()) || (jwkSetUri != null && !jwkSetUri.isBlank());
        }
    }

    /** No key and no token issuer configured: the local default, for a developer's machine only. */
    public boolean localDefault() {
        return apiKeys.isEmpty() && !jwt.configured();
    }
}
