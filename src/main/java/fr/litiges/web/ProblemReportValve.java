package fr.litiges.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own refusals, made before any servlet runs (a bad request line, bad percent-encoding,
 * an encoded slash or backslash), answered as a problem instead of Tomcat's HTML page. Nothing of
 * the request is echoed: its path may be what was wrong with it.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status));
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }

    static String json(int status) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        ProblemDetail problem = ProblemDetail.forStatus(code);
        Problems.classify(problem, code);
        String title = problem.getTitle() == null ? "Error" : problem.getTitle();
        String type = problem.getType() == null ? "about:blank" : problem.getType().toString();
        String detail = code.is5xxServerError() ? "The request could not be processed"
                : "The request was refused before reaching the API: check its request line, path and percent-encoding";
        // type, title and detail are fixed texts without quotes or backslashes: no escaping needed
        return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

}
