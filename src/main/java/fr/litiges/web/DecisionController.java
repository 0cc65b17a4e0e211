package fr.litiges.web;

import fr.litiges.decision.DecisionAudit;
import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.InvalidComplaintException;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.Ruleset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidDefinitionException;

/** Decides complaints: one, a batch, or only checks one against the contract. */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Decisions", description = "Classify a complaint, route it and recommend a resolution channel")
class DecisionController {
    private static final Logger log = LoggerFactory.getLogger(DecisionController.class);

    private final DecisionService decisions;
    private final ComplaintReader reader;
    private final WebLimits limits;
    private final DecisionAudit audit;
    private final BatchGate gate;
    private final DecisionPermits permits;

    DecisionController(DecisionService decisions, ComplaintReader reader, WebLimits limits, DecisionAudit audit, BatchGate gate,
                       DecisionPermits permits) {
        this.decisions = decisions;
        this.reader = reader;
        this.limits = limits;
        this.audit = audit;
        this.gate = gate;
        this.permits = permits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide on one complaint",
            description = "Classifies the complaint, routes it and recommends a resolution channel; texts are in the language of Accept-Language (fr or en).")
    @ApiResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Decision.class)))
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "413", description = ApiDocs.TOO_LARGE_1MIB, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.UNSUPPORTED, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "500", description = ApiDocs.FAILED, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    Decision decide(@RequestBody Complaint complaint,
                    @Parameter(description = ApiDocs.ACCEPT_LANGUAGE, example = "fr-FR,fr;q=0.9")
                    @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        reader.check(complaint);
        long start = System.nanoTime();
        String language = Languages.preferred(acceptLanguage);
        Decision decision = permits.decide(() -> decisions.decide(complaint, language));
        audit.record(decision, System.nanoTime() - start);
        return decision;
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a complaint against the contract without deciding",
            description = "Answers {\"valid\": true}, or the same 400 problem that POST /api/v1/decisions would give.")
    @ApiResponse(responseCode = "200", description = "The complaint matches the contract",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ValidationResult.class)))
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "413", description = ApiDocs.TOO_LARGE_1MIB, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.UNSUPPORTED, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    ValidationResult validate(@RequestBody Complaint complaint) {
        reader.check(complaint);
        DecisionService.checkDecidable(complaint);
        return ValidationResult.VALID;
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide on 1 to 1000 complaints",
            description = "One result per complaint, in the same order: {\"decision\": ...} or {\"error\": <problem>}. A bad complaint never fails the others.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchRequest.class))))
    @ApiResponse(responseCode = "200", description = "One result per complaint, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, or not an object with a complaints array of 1 to 1000 items",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "413", description = ApiDocs.TOO_LARGE_16MIB, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.UNSUPPORTED, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    @ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL, content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = ProblemSchema.class)))
    BatchResponse batch(@RequestBody JsonNode body,
                        @Parameter(description = ApiDocs.ACCEPT_LANGUAGE, example = "en")
                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                        HttpServletRequest request) {
        // BatchGate.Interceptor let this batch in before its body was read, and lets the next one in after it.
        JsonNode items = complaintsOf(body);
        String language = Languages.preferred(acceptLanguage);
        String instance = request.getRequestURI();
        Ruleset ruleset = decisions.activeRuleset();
        // The items are decided a few at once, each taking a decision permit like a single request.
        // On shutdown the items not started are not decided, so the batch ends within the grace period.
        return new BatchResponse(permits.inOrder(items.size(), i -> gate.stopping()
                ? BatchResponse.Result.failed(Problems.stopping(instance))
                : decideItem(ruleset, i, items.get(i), language, instance)));
    }

    /** The complaints array, or a 400 for the whole request when the envelope is wrong. */
    private JsonNode complaintsOf(JsonNode body) {
        int max = limits.maxBatchSize();
        String expected = "must be an array of 1 to " + max + " complaints";
        JsonNode items = body == null || !body.isObject() ? null : body.get("complaints");
        if (items == null || !items.isArray()) {
            throw InvalidRequestException.request("The body must be an object {\"complaints\": [...]}", "complaints", expected);
        }
        if (items.isEmpty() || items.size() > max) {
            throw InvalidRequestException.request("A batch holds 1 to " + max + " complaints; this one holds " + items.size(),
                    "complaints", expected + "; got " + items.size());
        }
        return items;
    }

    /** Whatever goes wrong with one complaint becomes its error result; the next complaint still runs. */
    private BatchResponse.Result decideItem(Ruleset ruleset, int index, JsonNode item, String language, String instance) {
        try {
            Complaint complaint = reader.read(item);
            long start = System.nanoTime();
            Decision decision = permits.decide(() -> decisions.decide(ruleset, complaint, language));
            audit.record(decision, System.nanoTime() - start);
            return BatchResponse.Result.of(decision);
        } catch (InvalidRequestException e) {
            return BatchResponse.Result.failed(Problems.invalid(e, instance));
        } catch (InvalidDefinitionException e) {
            // Jackson cannot map the Complaint type at all: our bug, not the client's (as for a single complaint).
            log.error("Cannot read batch item {}", index, e);
            return BatchResponse.Result.failed(Problems.internalError(instance));
        } catch (JacksonException e) {
            return BatchResponse.Result.failed(Problems.unreadable(e, instance));
        } catch (InvalidComplaintException e) {
            return BatchResponse.Result.failed(Problems.invalidComplaint(e, instance));
        } catch (DecisionFailedException e) {
            log.error("Decision failed for batch item {}: {}", index, e.getMessage(), e);
            return BatchResponse.Result.failed(Problems.decisionFailed(e, instance));
        } catch (RuntimeException e) {
            log.error("Unexpected failure for batch item {}", index, e);
            return BatchResponse.Result.failed(Problems.internalError(instance));
        }
    }
}
