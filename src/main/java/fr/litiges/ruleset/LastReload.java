package fr.litiges.ruleset;

import java.time.Instant;
import java.util.List;

/**
 * What the last reload did: when, what asked for it, and whether the new ruleset went live
 * (APPLIED), was refused with its errors while the previous one stayed active (REFUSED), or
 * was not needed because nothing changed (UNCHANGED). {@code fallback}, when set, says that
 * start-up had to fall back past the repository's active version, which no longer passes.
 */
public record LastReload(Instant at, String trigger, Outcome outcome, String version, String hash, List<RuleProblem> errors,
                         String fallback) {

    public enum Outcome { APPLIED, REFUSED, UNCHANGED }

    public LastReload {
        errors = List.copyOf(errors);
    }

    public LastReload(Instant at, String trigger, Outcome outcome, String version, String hash, List<RuleProblem> errors) {
        this(at, trigger, outcome, version, hash, errors, null);
    }

    /** The same outcome, noting that the ruleset served is not the repository's active version, and why. */
    public LastReload withFallback(String note) {
        return new LastReload(at, trigger, outcome, version, hash, errors, note);
    }

    /** The same outcome with its errors worded for the caller (French unless English is asked for). */
    public LastReload in(java.util.Locale locale) {
        return new LastReload(at, trigger, outcome, version, hash, errors.stream().map(e -> e.in(locale)).toList(), fallback);
    }
}
