package fr.litiges.versions;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller's name as versions record it: the API key's name or the token's subject. */
final class Callers {
    private Callers() {
    }

    static String current(String fallback) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null || authentication.getName().isBlank()
                ? fallback : authentication.getName();
    }
}
