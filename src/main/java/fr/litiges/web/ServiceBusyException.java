package fr.litiges.web;

/** The instance is at its limit of heavy work, or stopping: a 503 with Retry-After. */
final class ServiceBusyException extends RuntimeException {
    private final long retryAfterSeconds;

    ServiceBusyException(String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
