package fr.litiges.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The active ruleset as {@code GET /api/v1/ruleset} shows it. */
@Schema(name = "Ruleset", description = "The ruleset decisions run on")
public record RulesetResponse(
        @Schema(description = "Version of the ruleset") String version,
        @Schema(description = "Hash of the analysts' files", example = "sha256:...") String hash,
        @Schema(description = "When it was compiled (UTC)") Instant loadedAt,
        @Schema(description = "The analysts' files and how many rules each yields") List<RulesetFile> files,
        @Schema(description = "Rules in the ruleset") int ruleCount,
        @Schema(description = "Outcome of the last reload; null when none happened since start")
        @JsonInclude(JsonInclude.Include.ALWAYS) LastReload lastReload) {

    public static RulesetResponse of(Ruleset ruleset, fr.litiges.ruleset.LastReload reload) {
        LastReload lastReload = reload == null ? null
                : new LastReload(reload.outcome().name(), reload.at(), reload.trigger(), reload.version(), reload.errors(), reload.fallback());
        return of(ruleset, lastReload);
    }

    static RulesetResponse of(Ruleset ruleset, LastReload lastReload) {
        List<RulesetFile> files = ruleset.files().stream()
                .map(file -> new RulesetFile(file.path(), file.type(), file.ruleCount()))
                .toList();
        return new RulesetResponse(ruleset.version(), ruleset.hash(), ruleset.loadedAt(), files, ruleset.ruleCount(), lastReload);
    }

    @Schema(name = "RulesetFile")
    public record RulesetFile(@Schema(example = "decision-tables/routing.xlsx") String path,
                       @Schema(example = "XLSX") String type,
                       int ruleCount) {
    }

    /** What the last reload did, and every error if it was refused. */
    @Schema(name = "LastReload")
    public record LastReload(@Schema(description = "APPLIED (the new ruleset is live), REFUSED (the previous one stays active) or UNCHANGED (nothing to reload)") String outcome,
                      @Schema(description = "When it ran (UTC)") Instant at,
                      @Schema(description = "What asked for it: api or watcher") String trigger,
                      @Schema(description = "The ruleset version active after it") String version,
                      @Schema(description = "Every problem found when it was refused: file, sheet and row or line, message") List<RuleProblem> errors,
                      @Schema(description = "Set when start-up fell back past the repository's active version, which no longer passes: what and why")
                      @JsonInclude(JsonInclude.Include.NON_NULL) String fallback) {
    }
}
