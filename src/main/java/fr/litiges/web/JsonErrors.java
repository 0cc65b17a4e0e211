package fr.litiges.web;

import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a Jackson failure into the JSON path of the bad field and a message for the client.
 * Jackson's own messages name Java types ("Cannot deserialize value of type `fr.litiges...`"),
 * so messages are written here from the expected type instead.
 */
final class JsonErrors {
    private static final int MAX_ECHOED = 60;

    /** @param field JSON path such as {@code invoices[0].amount}, or null when not known */
    record Described(String field, String message, boolean malformed) {
    }

    private JsonErrors() {
    }

    static Described describe(JacksonException e) {
        String field = path(e);
        if (e instanceof InputCoercionException coercion) {
            return new Described(field, "is out of range" + rangeOf(coercion.getTargetType()), false);
        }
        if (e instanceof StreamConstraintsException) {
            return new Described(field, "The body exceeds the JSON reader's limits (number or text length, nesting depth)", true);
        }
        if (e instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property")) {
            return new Described(duplicatePath(read), "appears twice in the same object", false);
        }
        if (e instanceof StreamReadException) {
            return new Described(field, "The body is not well-formed JSON: " + syntaxError(e), true);
        }
        if (e instanceof InvalidNullException
                || e instanceof MismatchedInputException mismatch && mismatch.getCurrentToken() == JsonToken.VALUE_NULL) {
            return new Described(field, "must not be null", false);
        }
        if (e instanceof InvalidFormatException format) {
            return new Described(field, echo(format.getValue()) + expected(format.getTargetType()), false);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new Described(field, expected(mismatch.getTargetType()), false);
        }
        if (e.getCause() instanceof IOException) {
            return new Described(field, "The body could not be read", true);
        }
        return new Described(field, "has an invalid value", false);
    }

    /** {@code invoices[0].amount} from Jackson's path of property names and array indexes. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** The path of a repeated property, from the parser's position when it saw the second one. */
    private static String duplicatePath(StreamReadException e) {
        JsonParser parser = e.processor();
        if (parser == null) {
            return null;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inObject() && context.currentName() != null) {
                parts.addFirst("." + context.currentName());
            } else if (context.inArray()) {
                parts.addFirst("[" + context.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? null : path;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "is not an allowed code; allowed codes: " + codes(type);
        }
        if (type == LocalDate.class) {
            return StrictDates.EXPECTED;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "must be a JSON object";
        }
        return "has an invalid value";
    }

    private static String rangeOf(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return " (whole numbers go from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")";
        }
        if (type == Long.class || type == long.class) {
            return " (whole numbers go from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")";
        }
        return "";
    }

    private static String codes(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    /** The offending value, quoted and shortened, so a client sees what it sent. */
    private static String echo(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.length() > MAX_ECHOED) {
            text = text.substring(0, MAX_ECHOED) + "...";
        }
        return "'" + text + "' ";
    }

    /** Jackson's reason without the source excerpt or feature names it appends, plus line and column. */
    private static String syntaxError(JacksonException e) {
        String reason = e.getOriginalMessage() == null ? "unexpected content" : e.getOriginalMessage();
        for (String cut : new String[] {"\n", " (start marker at", " at [Source", "[Source"}) {
            int at = reason.indexOf(cut);
            if (at >= 0) {
                reason = reason.substring(0, at);
            }
        }
        reason = reason.replaceAll("`[^`]*`", "").trim();
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            reason += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return reason;
    }
}
