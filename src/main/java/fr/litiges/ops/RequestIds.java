package fr.litiges.ops;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which correlation id a request carries. The caller's {@code X-Request-Id} when it is a short
 * token (letters, digits, {@code . _ : -}, at most 64), else the trace id of a valid W3C
 * {@code traceparent}, else a new random one. Anything else is ignored rather than trusted: the id
 * goes into every log line, so it must not carry line breaks, markup or customer data of any length.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final int MAX_LENGTH = 64;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
    /** version-traceid-parentid-flags (W3C Trace Context, level 1); version ff is forbidden. */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("(?!ff)[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    private RequestIds() {
    }

    static String of(String requestId, String traceparent) {
        if (requestId != null && TOKEN.matcher(requestId).matches()) {
            return requestId;
        }
        String traceId = traceIdOf(traceparent);
        return traceId != null ? traceId : UUID.randomUUID().toString();
    }

    /** The trace id of a well-formed traceparent, or null; all-zero ids are invalid by the specification. */
    static String traceIdOf(String traceparent) {
        if (traceparent == null || traceparent.length() > 512) {
            return null;
        }
        var matcher = TRACEPARENT_FORMAT.matcher(traceparent.trim());
        if (!matcher.matches() || matcher.group(1).equals(ZERO_TRACE) || matcher.group(2).equals(ZERO_PARENT)) {
            return null;
        }
        // Version 00 has exactly four fields; later versions may append more.
        if (traceparent.trim().startsWith("00-") && matcher.group(3) != null) {
            return null;
        }
        return matcher.group(1);
    }
}
