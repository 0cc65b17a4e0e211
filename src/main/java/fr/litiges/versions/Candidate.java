package fr.litiges.versions;

import fr.litiges.impact.Change;
import fr.litiges.ruleset.RuleProblem;
import java.time.Instant;
import java.util.List;

/**
 * An uploaded change as {@code GET /api/v1/rulesets/candidates/{id}} shows it: the active
 * version with the uploaded files, READY when it compiles and every scenario passes, REFUSED
 * otherwise, with every error, every scenario result and what it changes.
 */
public record Candidate(String id, String baseVersion, Instant createdAt, Status status, List<RuleProblem> errors,
                        Scenarios scenarios, List<Change> changes) {

    public enum Status { READY, REFUSED }

    /** How many scenarios ran and passed, and each failure at its book, sheet and row. */
    public record Scenarios(int run, int passed, List<FailedScenario> failed) {
    }

    public record FailedScenario(String source, String sheet, Integer row, String name, String message) {
    }
}
