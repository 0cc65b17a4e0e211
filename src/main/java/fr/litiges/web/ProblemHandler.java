package fr.litiges.web;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.InvalidComplaintException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error of the API as an RFC 9457 problem in application/problem+json, whatever the client
 * accepts. Extending ResponseEntityExceptionHandler covers Spring MVC's own exceptions (404, 405,
 * 406, 415, ...) and replaces Boot's default handler. Hidden from springdoc so its handlers do not
 * add generic responses to every operation: the controllers document their errors themselves.
 */
@Hidden
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e, HttpServletRequest request) {
        return respond(Problems.invalid(e, request.getRequestURI()));
    }

    @ExceptionHandler(InvalidComplaintException.class)
    ResponseEntity<Object> invalidComplaint(InvalidComplaintException e, HttpServletRequest request) {
        return respond(Problems.invalidComplaint(e, request.getRequestURI()));
    }

    @ExceptionHandler(DecisionFailedException.class)
    ResponseEntity<Object> decisionFailed(DecisionFailedException e, HttpServletRequest request) {
        log.error("Decision failed on {}: {}", request.getRequestURI(), e.getMessage(), e);
        return respond(Problems.decisionFailed(e, request.getRequestURI()));
    }

    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<Object> busy(ServiceBusyException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.busy(e, request.getRequestURI()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return respond(Problems.payloadTooLarge(e.limit(), request.getRequestURI()));
    }

    /** The last resort: logged with its stack trace, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.internalError(request.getRequestURI()));
    }

    /** Malformed JSON, wrong types and unknown codes: a 400 naming the field; a body cut off by the size limit: a 413. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String instance = path(request);
        PayloadTooLargeException tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return respond(Problems.payloadTooLarge(tooLarge.limit(), instance));
        }
        JacksonException jackson = causeOf(e, JacksonException.class);
        if (jackson != null) {
            return respond(Problems.unreadable(jackson, instance));
        }
        if (e.getCause() == null) {
            // Spring's "Required request body is missing: <method signature>": the message names Java types, not shown.
            return respond(Problems.missingBody(instance));
        }
        return respond(Problems.of(status, Problems.MALFORMED_JSON, "Malformed JSON", "The body could not be read as JSON", instance));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        // Spring's detail speaks of static resources; the client asked for an endpoint.
        HttpServletRequest servlet = servletRequest(request);
        ProblemDetail problem = Problems.of(status, Problems.NOT_FOUND, "Not Found",
                "No endpoint " + servlet.getMethod() + " " + servlet.getRequestURI(), servlet.getRequestURI());
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Spring's own problems get this API's type, title and instance, and the problem media type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : e instanceof ErrorResponse response ? response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())
                : ProblemDetail.forStatus(status);
        Problems.classify(problem, status);
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(path(request)));
        }
        HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(e, problem, problemHeaders, status, request);
    }

    /** The content type is set here so that an Accept header without problem+json cannot change it. */
    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    private static String path(WebRequest request) {
        return servletRequest(request).getRequestURI();
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
