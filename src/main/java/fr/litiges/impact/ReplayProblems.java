package fr.litiges.impact;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A replay or report body unusable as a whole, as an RFC 9457 problem like every error of the API.
 * Ordered first, since the general handler answers any other exception with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReplayProblems {

    @ExceptionHandler(ReplayInputException.class)
    ResponseEntity<ProblemDetail> replayInput(ReplayInputException e, HttpServletRequest request) {
        boolean tooLarge = e.status() == HttpStatus.CONTENT_TOO_LARGE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create(tooLarge ? "/problems/payload-too-large" : "/problems/invalid-request"));
        problem.setTitle(tooLarge ? "Payload too large" : "Invalid request");
        problem.setInstance(URI.create(request.getRequestURI()));
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
