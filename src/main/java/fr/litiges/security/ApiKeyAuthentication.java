package fr.litiges.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A caller identified by an API key; only the key's configured name is kept, never the key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final String keyName;

    ApiKeyAuthentication(String keyName, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.keyName = keyName;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return keyName;
    }

    @Override
    public String getName() {
        return keyName;
    }
}
