package fr.litiges.ruleset;

import java.util.List;

/**
 * A check a freshly compiled ruleset must pass before it may serve decisions: the analysts'
 * scenarios, read from the same content as the rules. Declared here and implemented by the
 * scenario feature, so the ruleset feature does not depend on how decisions are made.
 */
public interface RulesetGate {

    /** Runs the check on the compiled candidate, whose files are {@code source}. */
    Verdict check(Ruleset candidate, RulesetSource source);

    /**
     * How many scenarios ran and passed, and every failure located in its book; the candidate
     * may go live when {@code failures} is empty.
     */
    record Verdict(int run, int passed, List<RuleProblem> failures) {
        public static final Verdict NONE = new Verdict(0, 0, List.of());

        public Verdict {
            failures = List.copyOf(failures);
        }
    }
}
