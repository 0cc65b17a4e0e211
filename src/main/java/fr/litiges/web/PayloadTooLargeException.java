package fr.litiges.web;

import java.io.IOException;

/**
 * Thrown by the request body stream once more bytes than allowed were read. An IOException, so
 * whoever reads the body (Jackson, a message converter) treats it as a failed read and keeps it as
 * the cause, where the problem handler finds it and answers 413.
 */
final class PayloadTooLargeException extends IOException {
    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
