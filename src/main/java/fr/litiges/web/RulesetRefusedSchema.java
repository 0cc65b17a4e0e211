package fr.litiges.web;

import fr.litiges.ruleset.RuleProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Documentation only: the 422 problem of a refused reload or activation, whose errors locate each fault in the analysts' files. */
@Schema(name = "RulesetRefusedProblem", description = "An RFC 9457 problem listing every error of a refused ruleset")
public record RulesetRefusedSchema(
        @Schema(example = "/problems/ruleset-refused") String type,
        @Schema(example = "Ruleset refused") String title,
        @Schema(example = "422") int status,
        String detail,
        String instance,
        @Schema(description = "Every error: file, sheet and row (tables) or line (DRL), and message") List<RuleProblem> errors,
        @Schema(description = "The ruleset that stays active") String activeVersion) {
}
