package fr.litiges.web;

import java.net.URI;
import java.util.List;

/** A request the contract refuses (400), with every bad field found; thrown by the web layer only. */
final class InvalidRequestException extends RuntimeException {
    private final URI type;
    private final List<InvalidField> errors;

    private InvalidRequestException(URI type, String detail, List<InvalidField> errors) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** A complaint that breaks contract rules. */
    static InvalidRequestException complaint(List<InvalidField> errors) {
        String detail = errors.size() == 1
                ? "The complaint does not match the contract: " + describe(errors.get(0))
                : "The complaint does not match the contract: " + errors.size() + " invalid fields";
        return new InvalidRequestException(Problems.INVALID_COMPLAINT, detail, errors);
    }

    /** A complaint wrong as a whole, e.g. a batch item that is 42 or null instead of an object. */
    static InvalidRequestException wholeComplaint(String message) {
        return new InvalidRequestException(Problems.INVALID_COMPLAINT, "The complaint " + message, List.of());
    }

    /** A request whose envelope is wrong, e.g. a batch without a complaints array. */
    static InvalidRequestException request(String detail, String field, String message) {
        return new InvalidRequestException(Problems.INVALID_REQUEST, detail, List.of(new InvalidField(field, message)));
    }

    static String describe(InvalidField error) {
        return error.field() == null ? error.message() : error.field() + " " + error.message();
    }

    URI type() {
        return type;
    }

    List<InvalidField> errors() {
        return errors;
    }
}
