package fr.litiges.web;

import fr.litiges.decision.DecisionFailedException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;

/**
 * The problems and language choice of this API, for endpoints of other feature packages (e.g.
 * prevention), so that every endpoint answers the same fault with the same problem.
 */
public final class ApiProblems {
    private ApiProblems() {
    }

    /** "fr" or "en" from an Accept-Language header, as for decisions. */
    public static String language(String acceptLanguage) {
        return Languages.preferred(acceptLanguage);
    }

    /** A request that breaks the contract: a 400 with every bad field as {field, message}. */
    public static ProblemDetail invalid(String title, String detail, List<FieldError> errors, String instance) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, title, detail, instance);
        problem.setProperty("errors", errors.stream().map(e -> new InvalidField(e.field(), e.message())).toList());
        return problem;
    }

    /** Jackson could not read a value: malformed JSON, a wrong type or an unknown code, naming the field. */
    public static ProblemDetail unreadable(JacksonException e, String instance) {
        return Problems.unreadable(e, instance);
    }

    public static ProblemDetail failed(DecisionFailedException e, String instance) {
        return Problems.decisionFailed(e, instance);
    }

    public static ProblemDetail internalError(String instance) {
        return Problems.internalError(instance);
    }

    /** One bad field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
