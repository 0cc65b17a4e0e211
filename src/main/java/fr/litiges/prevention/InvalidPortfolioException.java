package fr.litiges.prevention;

/** A portfolio the field checks let through but that cannot be planned as sent; names the field. */
final class InvalidPortfolioException extends RuntimeException {
    private final String field;

    InvalidPortfolioException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
