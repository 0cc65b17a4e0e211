package fr.litiges.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over the limit with a 413 problem: at once when Content-Length says so,
 * and, for a chunked body without Content-Length, as soon as reading passes the limit (the body
 * stream throws {@link PayloadTooLargeException}, which the problem handler answers with a 413).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {
    static final String BATCH_PATH = "/api/v1/decisions/batch";
    /** Uploads of rule files: bounded by spring.servlet.multipart and litiges.rulesets.max-*-size instead. */
    static final String CANDIDATES_PATH = "/api/v1/rulesets/candidates";
    /** Replays and reports carry up to 10,000 complaints. */
    static final java.util.regex.Pattern REPLAY_PATHS = java.util.regex.Pattern.compile(
            "/api/v1/reports/disputes|/api/v1/rulesets/candidates/[^/]+/impact");
    static final String PREVENTION_BATCH_PATH = "/api/v1/prevention/plans/batch";

    private final WebLimits limits;
    private final JsonMapper jsonMapper;

    RequestSizeLimitFilter(WebLimits limits, JsonMapper jsonMapper) {
        this.limits = limits;
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            reject(request, response, limit);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Only reached when the body was read outside Spring MVC's handlers (e.g. by another filter).
            if (ProblemHandler.causeOf(e, PayloadTooLargeException.class) != null && !response.isCommitted()) {
                response.reset();
                reject(request, response, limit);
                return;
            }
            throw e;
        }
    }

    /** The batch carries up to 1000 complaints; every other endpoint one complaint at most. */
    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (CANDIDATES_PATH.equals(path)) {
            return Long.MAX_VALUE;
        }
        if (REPLAY_PATHS.matcher(path).matches()) {
            return limits.maxReplayBodySize().toBytes();
        }
        return (BATCH_PATH.equals(path) || PREVENTION_BATCH_PATH.equals(path) ? limits.maxBatchBodySize() : limits.maxBodySize()).toBytes();
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE); // JSON is UTF-8 by definition (RFC 8259)
        jsonMapper.writeValue(response.getOutputStream(), Problems.payloadTooLarge(limit, request.getRequestURI()));
    }

    /** The request with a body stream that counts what is read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private LimitedInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
