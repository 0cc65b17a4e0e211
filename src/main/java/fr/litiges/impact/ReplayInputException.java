package fr.litiges.impact;

import org.springframework.http.HttpStatus;

/**
 * The body of a replay or report request cannot be used as a whole: not {"complaints": [...]},
 * no complaint at all (400), or more complaints than allowed (413). A bad complaint inside a good
 * body is not this: it counts as failed.
 */
public class ReplayInputException extends RuntimeException {
    private final HttpStatus status;
    private final String field;

    ReplayInputException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** The JSON path of the faulty part of the body. */
    public String field() {
        return field;
    }
}
