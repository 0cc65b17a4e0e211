package fr.litiges.versions;

/** The active version moved (another publish or activation, here or on a replica) since the caller read it. */
public final class VersionConflictException extends RuntimeException {
    private final String expected;
    private final String actual;

    public VersionConflictException(String expected, String actual) {
        super("the active version is now " + actual + ", no longer " + expected + ": someone published or activated since");
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
