package fr.litiges.decision;

/**
 * The rules failed while deciding (a rule threw, or ran past its budget). The complaint was
 * fine; the ruleset is at fault, so the message names the rule and where it comes from. The
 * message is English (API callers' default); {@link #french()} is the same for an analyst.
 */
public final class DecisionFailedException extends RuntimeException {
    private final String french;

    public DecisionFailedException(String message, Throwable cause) {
        this(message, message, cause);
    }

    public DecisionFailedException(String french, String english, Throwable cause) {
        super(english, cause);
        this.french = french;
    }

    /** The message in French, for analysts (a failed scenario, a refused ruleset). */
    public String french() {
        return french;
    }
}
