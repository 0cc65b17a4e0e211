package fr.litiges.decision;

/**
 * The rules failed while deciding (a rule threw, or ran past its budget). The complaint was
 * fine; the ruleset is at fault, so the message names the rule and where it comes from.
 */
public final class DecisionFailedException extends RuntimeException {
    public DecisionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
