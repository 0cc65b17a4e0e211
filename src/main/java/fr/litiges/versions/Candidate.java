package fr.litiges.versions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.litiges.impact.Change;
import fr.litiges.ruleset.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An uploaded change as {@code GET /api/v1/rulesets/candidates/{id}} shows it: the active
 * version with the uploaded files, READY when it compiles and every scenario passes, REFUSED
 * otherwise, with every error, every scenario result and what it changes. Messages are in
 * French, the analysts' language, and in English for a caller who asks for it.
 */
public record Candidate(String id, String baseVersion, Instant createdAt, Status status, List<RuleProblem> errors,
                        Scenarios scenarios, List<Change> changes) {

    public enum Status { READY, REFUSED }

    /** How many scenarios ran and passed, and each failure at its book, sheet and row. */
    public record Scenarios(int run, int passed, List<FailedScenario> failed) {
    }

    public record FailedScenario(String source, String sheet, Integer row, String name, String message, @JsonIgnore String english) {
        public FailedScenario {
            english = english == null ? message : english;
        }

        FailedScenario in(Locale locale) {
            return inEnglish(locale) ? new FailedScenario(source, sheet, row, name, english, english) : this;
        }
    }

    /** The same candidate with its messages in the caller's language (French unless English is asked for). */
    public Candidate in(Locale locale) {
        if (!inEnglish(locale)) {
            return this;
        }
        return new Candidate(id, baseVersion, createdAt, status, errors.stream().map(e -> e.in(locale)).toList(),
                new Scenarios(scenarios.run(), scenarios.passed(), scenarios.failed().stream().map(f -> f.in(locale)).toList()), changes);
    }

    private static boolean inEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
