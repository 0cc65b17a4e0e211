package fr.litiges.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The roles of the service and how they become Spring Security authorities. */
final class Roles {
    /** May ask for decisions, batches and validations, and read the ruleset. */
    static final String DECIDER = "decider";
    /** May do everything, including reloading the rules. */
    static final String RULES_ADMIN = "rules-admin";
    /** May only read the Prometheus metrics: the key a metrics scraper holds. */
    static final String MONITORING = "monitoring";

    private Roles() {
    }

    static List<GrantedAuthority> authorities(Collection<String> roles) {
        return roles.stream()
                .map(role -> role.trim().toLowerCase(Locale.ROOT))
                .filter(role -> !role.isEmpty())
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
