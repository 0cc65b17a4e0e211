package fr.litiges.decision;

/** A complaint that passes field validation but cannot be decided as sent; the field names the JSON path. */
public final class InvalidComplaintException extends RuntimeException {
    private final String field;

    public InvalidComplaintException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
