package fr.litiges.scenario;

import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import java.util.List;
import java.util.Set;

/**
 * Scenario books of another feature than complaints (e.g. prevention plans), run by the same
 * runner, so the same gate, validate command and coverage check see them.
 */
public interface ScenarioBookKind {

    /** Whether this kind reads the book at this source path (e.g. "scenarios/prevention.xlsx"). */
    boolean reads(String source);

    /** Runs every scenario of the book, adding {@link #firedKey} of every rule that fired to {@code fired}. */
    Outcome run(Ruleset ruleset, String source, byte[] book, Set<String> fired);

    /** How many scenarios ran and passed, and every failure located in the book. */
    record Outcome(int scenarios, int passed, List<RuleProblem> problems) {
    }

    /** The key of a fired rule in the coverage count. */
    static String firedKey(String source, String ruleId) {
        return source + '\u0000' + ruleId;
    }
}
