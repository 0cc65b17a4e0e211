package fr.litiges.web;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.InvalidComplaintException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;

/**
 * Builds every RFC 9457 problem the API returns, so a single complaint and a batch item with the
 * same fault get the same problem. Types are relative URIs under /problems; details never carry
 * a stack trace or a Java class name.
 */
final class Problems {
    static final URI INVALID_COMPLAINT = URI.create("/problems/invalid-complaint");
    static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");
    static final URI MALFORMED_JSON = URI.create("/problems/malformed-json");
    static final URI MISSING_BODY = URI.create("/problems/missing-body");
    static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");
    static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("/problems/unsupported-media-type");
    static final URI NOT_ACCEPTABLE = URI.create("/problems/not-acceptable");
    static final URI NOT_FOUND = URI.create("/problems/not-found");
    static final URI METHOD_NOT_ALLOWED = URI.create("/problems/method-not-allowed");
    static final URI DECISION_FAILED = URI.create("/problems/decision-failed");
    static final URI INTERNAL_ERROR = URI.create("/problems/internal-error");
    static final URI RULESET_REFUSED = URI.create("/problems/ruleset-refused");
    static final URI SERVICE_BUSY = URI.create("/problems/service-busy");

    private static final long MIB = 1024 * 1024;

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /** A reload refused: every error located in the analysts' files; the previous ruleset stays active. */
    static ProblemDetail rulesetRefused(fr.litiges.ruleset.LastReload reload, String instance) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, RULESET_REFUSED, "Ruleset refused",
                reload.errors().size() + " problem(s) in the rules or scenarios; ruleset " + reload.version() + " stays active", instance);
        problem.setProperty("errors", reload.errors());
        problem.setProperty("activeVersion", reload.version());
        return problem;
    }

    /** A complaint or request envelope that breaks the contract, with every bad field. */
    static ProblemDetail invalid(InvalidRequestException e, String instance) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, e.type(),
                e.type().equals(INVALID_COMPLAINT) ? "Invalid complaint" : "Invalid request", e.getMessage(), instance);
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /** Deciding found a fault the field checks cannot see (e.g. invoices in several currencies). */
    static ProblemDetail invalidComplaint(InvalidComplaintException e, String instance) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, INVALID_COMPLAINT, "Invalid complaint",
                "The complaint cannot be decided as sent: " + e.getMessage(), instance);
        problem.setProperty("errors", List.of(new InvalidField(e.field(), e.getMessage())));
        return problem;
    }

    /** Jackson could not read the body: malformed JSON, or a value of the wrong type or outside the codes. */
    static ProblemDetail unreadable(JacksonException e, String instance) {
        JsonErrors.Described described = JsonErrors.describe(e);
        if (described.malformed()) {
            ProblemDetail problem = of(HttpStatus.BAD_REQUEST, MALFORMED_JSON, "Malformed JSON", described.message(), instance);
            if (described.field() != null) {
                problem.setProperty("errors", List.of(new InvalidField(described.field(), described.message())));
            }
            return problem;
        }
        if (described.field() == null) {
            // The value as a whole has the wrong shape (an array or a string instead of an object).
            return invalid(InvalidRequestException.wholeComplaint(described.message()), instance);
        }
        return invalid(InvalidRequestException.complaint(List.of(new InvalidField(described.field(), described.message()))), instance);
    }

    static ProblemDetail missingBody(String instance) {
        return of(HttpStatus.BAD_REQUEST, MISSING_BODY, "Missing request body", "The request needs a JSON body", instance);
    }

    static ProblemDetail payloadTooLarge(long limit, String instance) {
        return of(HttpStatus.CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than the " + size(limit) + " this endpoint accepts", instance);
    }

    static ProblemDetail decisionFailed(DecisionFailedException e, String instance) {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, DECISION_FAILED, "Decision failed", e.getMessage(), instance);
    }

    /** Too much heavy work at once, or stopping: the CRM sends the same request again later. */
    static ProblemDetail busy(ServiceBusyException e, String instance) {
        ProblemDetail problem = of(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_BUSY, "Service busy", e.getMessage(), instance);
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return problem;
    }

    /** A batch item not decided because the instance is shutting down. */
    static ProblemDetail stopping(String instance) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_BUSY, "Service busy",
                "The service stopped before deciding this complaint; send it again", instance);
    }

    static ProblemDetail internalError(String instance) {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "Internal error",
                "An unexpected error occurred; it has been logged", instance);
    }

    /** The type and title for a status that Spring reports (404, 405, 415, ...). */
    static void classify(ProblemDetail problem, HttpStatusCode status) {
        URI type = switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_BUSY;
            case 500 -> INTERNAL_ERROR;
            default -> null;
        };
        if (type != null && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(type);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        if (problem.getTitle() == null && known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
    }

    static String size(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes + " bytes";
    }
}
