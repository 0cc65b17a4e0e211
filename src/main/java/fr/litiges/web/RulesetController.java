package fr.litiges.web;

import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.LastReload;
import fr.litiges.ruleset.RulesetReloader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the ruleset decisions run on, so a CRM or an analyst can tell which rules decided. */
@RestController
@RequestMapping(path = "/api/v1/ruleset", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ruleset", description = "The analysts' rules the decisions run on")
class RulesetController {
    private final ActiveRuleset rulesets;
    private final RulesetReloader reloader;

    RulesetController(ActiveRuleset rulesets, RulesetReloader reloader) {
        this.rulesets = rulesets;
        this.reloader = reloader;
    }

    @GetMapping
    @Operation(summary = "The active ruleset", description = "Version, hash, load time, the analysts' files with their rule counts, and the last reload.")
    @ApiResponse(responseCode = "200", description = "The active ruleset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RulesetResponse.class)))
    @ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    RulesetResponse current(HttpServletRequest request) {
        LastReload last = reloader.lastReload();
        return RulesetResponse.of(rulesets.current(), last == null ? null : last.in(analystLanguage(request)));
    }

    /** Rule problems are written for French analysts; English only when the caller prefers it. */
    static java.util.Locale analystLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header != null && !header.isBlank() && "en".equals(Languages.preferred(header)) ? java.util.Locale.ENGLISH : java.util.Locale.FRENCH;
    }

    @PostMapping("/reload")
    @Operation(summary = "Rebuild the ruleset from its folders now",
            description = "Compiles rules/ and decision-tables/, runs every scenario of scenarios/ on the result, and only then swaps it in. "
                    + "Decisions in flight finish on the ruleset they started with.")
    @ApiResponse(responseCode = "200", description = "The new ruleset is live",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RulesetResponse.class)))
    @ApiResponse(responseCode = "422", description = "Refused: every error (file, sheet and row or line, message); the previous ruleset stays active",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    ResponseEntity<Object> reload(HttpServletRequest request) {
        LastReload reload = reloader.reload("api", false).in(analystLanguage(request));
        if (reload.outcome() == LastReload.Outcome.REFUSED) {
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.rulesetRefused(reload, request.getRequestURI()));
        }
        return ResponseEntity.ok(RulesetResponse.of(rulesets.current(), reload));
    }
}
