package fr.litiges.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the {@code X-API-Key} header. A wrong key is a 401 at once (no fallback to
 * anonymous); no header lets the other mechanisms (bearer token) or the 401 of the chain decide.
 * The key's name goes to the logging context as {@code client}, the key itself nowhere.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    static final String CLIENT = "client";

    private final ApiKeys keys;
    private final ProblemResponses entryPoint;
    private final FailedAuthentications failures;

    ApiKeyFilter(ApiKeys keys, ProblemResponses entryPoint, FailedAuthentications failures) {
        this.keys = keys;
        this.failures = failures;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> headers = Collections.list(request.getHeaders(HEADER));
        if (headers.isEmpty() || headers.size() == 1 && headers.get(0).isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String presented = headers.get(0);
        Optional<SecurityProperties.ApiKey> key = headers.size() == 1 ? keys.match(presented) : Optional.empty();
        if (key.isEmpty()) {
            long wait = failures.retryAfterSeconds(request.getRemoteAddr());
            if (wait > 0) {
                SecurityContextHolder.clearContext();
                entryPoint.tooManyFailures(request, response, wait);
                return;
            }
            failures.failed(request.getRemoteAddr());
        }
        if (headers.size() > 1 || presented.contains(",")) {
            // Never pick one of several keys: which one a proxy or client meant is a guess.
            SecurityContextHolder.clearContext();
            entryPoint.unauthorized(request, response, "Send exactly one API key in one X-API-Key header; several were sent.");
            return;
        }
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key.get().name(), Roles.authorities(key.get().roles())));
        MDC.put(CLIENT, key.get().name());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CLIENT);
        }
    }
}
