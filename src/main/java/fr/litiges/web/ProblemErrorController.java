package fr.litiges.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): what a filter or Tomcat answers with
 * {@code sendError} (a request refused before any controller) is a problem too, in the same shape
 * as the controllers' errors, whatever the client accepts. Replaces Boot's HTML/JSON fallback.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is no endpoint of the API.
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        Problems.classify(problem, status);
        // The container's message may quote the raw request: not echoed, the status says enough.
        problem.setDetail(status.is5xxServerError() ? "The request could not be processed" : "The request was refused: " + status.getReasonPhrase());
        URI instance = instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (instance != null) {
            problem.setInstance(instance);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The path the client asked for, when it is a valid URI reference (a rejected request's path may not be). */
    static URI instance(Object path) {
        if (!(path instanceof String text) || text.isEmpty()) {
            return null;
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
