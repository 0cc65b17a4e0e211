package fr.litiges.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problem+json, like every other error of the API. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         org.springframework.security.core.AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\", Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "/problems/unauthorized", "Unauthorized",
                "Send a valid API key in the X-API-Key header or a bearer token.");
    }

    /** A 401 that says what was wrong with the credentials sent, when that is not a secret (e.g. two keys). */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\", Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "/problems/unauthorized", "Unauthorized", detail);
    }

    /** Too many failed authentications from one address: wait, then try again. */
    void tooManyFailures(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "/problems/too-many-failed-authentications", "Too Many Failed Authentications",
                "Too many requests with wrong credentials from this address; retry after " + retryAfterSeconds + " s.");
    }

    /** A request the firewall refuses (encoded slashes, "..", ";" parameters, odd characters): a 400, not a 500 page. */
    void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "/problems/invalid-request", "Bad Request",
                "The request's path or headers are not accepted (encoded slashes, dot segments, path parameters or control characters).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException exception) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "/problems/forbidden", "Forbidden",
                "Your credentials do not carry the role this endpoint needs (decider, or rules-admin for rule management).");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a rejected request's path need not be a valid URI: the problem goes without its instance
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
