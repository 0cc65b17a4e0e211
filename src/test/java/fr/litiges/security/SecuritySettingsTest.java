package fr.litiges.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** The local default, configured keys and token roles. */
class SecuritySettingsTest {
    private final SecurityConfiguration configuration = new SecurityConfiguration();
    private static final SecurityProperties NOTHING = new SecurityProperties(List.of(), null, true);

    @Test
    void theLocalDefaultServesLoopbackOnlyWithTheDocumentedKeys() {
        ApiKeys keys = configuration.apiKeys(NOTHING, "127.0.0.1");

        assertThat(keys.match("local-decider-key")).hasValueSatisfying(k -> assertThat(k.roles()).containsExactly("decider"));
        assertThat(keys.match("local-admin-key")).hasValueSatisfying(k -> assertThat(k.roles()).contains("rules-admin"));
        assertThat(keys.match("something-else")).isEmpty();
    }

    @Test
    void withoutKeysOrIssuerTheServiceRefusesToListenBeyondLoopback() {
        assertThatThrownBy(() -> configuration.apiKeys(NOTHING, "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("litiges.security.api-keys");
        assertThatThrownBy(() -> configuration.apiKeys(NOTHING, ""))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void configuredKeysReplaceTheLocalOnesAndAreMatchedByHash() {
        SecurityProperties.ApiKey crm = new SecurityProperties.ApiKey("crm-prod", ApiKeys.sha256("s3cret-crm-key"), List.of("decider"));
        ApiKeys keys = configuration.apiKeys(new SecurityProperties(List.of(crm), null, true), "0.0.0.0");

        assertThat(keys.match("s3cret-crm-key")).hasValueSatisfying(k -> assertThat(k.name()).isEqualTo("crm-prod"));
        assertThat(keys.match("local-admin-key")).isEmpty();
        assertThat(keys.match("s3cret-crm-key ")).isEmpty();
    }

    @Test
    void aKeyConfiguredInClearInsteadOfItsHashIsRefusedAtStart() {
        SecurityProperties.ApiKey clear = new SecurityProperties.ApiKey("oops", "my-plain-key", List.of("decider"));

        assertThatThrownBy(() -> new ApiKeys(List.of(clear)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'oops'").hasMessageContaining("SHA-256");
    }

    @Test
    void aKeyWithoutRoleIsRefusedAtStart() {
        SecurityProperties.ApiKey noRole = new SecurityProperties.ApiKey("crm", ApiKeys.sha256("k"), List.of());

        assertThatThrownBy(() -> new ApiKeys(List.of(noRole))).hasMessageContaining("no role");
    }

    @Test
    void tokenRolesComeFromTheConfiguredClaimAsListOrString() {
        Jwt listToken = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                Map.of("sub", "crm", "groups", List.of("decider", "rules-admin")));
        Jwt stringToken = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                Map.of("sub", "crm", "groups", "decider"));

        assertThat(SecurityConfiguration.rolesFrom("groups").convert(listToken).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_decider", "ROLE_rules-admin");
        assertThat(SecurityConfiguration.rolesFrom("groups").convert(stringToken).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_decider");
        assertThat(SecurityConfiguration.rolesFrom("roles").convert(stringToken).getAuthorities()).isEmpty();
    }
}
