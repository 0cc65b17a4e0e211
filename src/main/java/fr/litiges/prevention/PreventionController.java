package fr.litiges.prevention;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.web.ApiProblems;
import fr.litiges.web.ApiProblems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/** Plans preventive reminders for one customer's portfolio, or for a batch of portfolios. */
@RestController
@RequestMapping(path = "/api/v1/prevention/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Prevention", description = "Preventive reminders and likely disputes, before the customer complains")
class PreventionController {
    private static final Logger log = LoggerFactory.getLogger(PreventionController.class);
    static final int MAX_PORTFOLIOS = 200;
    private static final String PROBLEM = "application/problem+json";

    private final PreventionService prevention;
    private final PortfolioReader reader;

    PreventionController(PreventionService prevention, JsonMapper json, Validator validator) {
        this.prevention = prevention;
        this.reader = new PortfolioReader(json, validator);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan the preventive reminders of one portfolio (1 to 500 invoices)",
            description = "One plan per invoice, in order: status, likely disputes, risk tier, dated reminders, actions, "
                    + "whether to hold dunning, a rationale in the language of Accept-Language (fr or en) and the trace.")
    @ApiResponse(responseCode = "200", description = "The plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PreventionResponse.class)))
    @ApiResponse(responseCode = "400", description = "A field breaks the contract (named by its JSON path), or more than 500 invoices",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "Body over 1 MiB", content = @Content(mediaType = PROBLEM))
    PreventionResponse plan(@RequestBody PreventionRequest request,
                            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        reader.check(request);
        return prevention.plan(request, ApiProblems.language(acceptLanguage));
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan 1 to 200 portfolios",
            description = "One result per portfolio, in the same order: {\"portfolio\": ...} or {\"error\": <problem>}. A bad portfolio never fails the others.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PreventionBatch.Request.class))))
    @ApiResponse(responseCode = "200", description = "One result per portfolio, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PreventionBatch.Response.class)))
    @ApiResponse(responseCode = "400", description = "Not an object with a portfolios array of 1 to 200 items", content = @Content(mediaType = PROBLEM))
    PreventionBatch.Response batch(@RequestBody JsonNode body,
                                   @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                   HttpServletRequest request) {
        JsonNode items = portfoliosOf(body);
        String language = ApiProblems.language(acceptLanguage);
        String instance = request.getRequestURI();
        Ruleset ruleset = prevention.activeRuleset();
        List<PreventionBatch.Result> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(planItem(ruleset, i, items.get(i), language, instance));
        }
        return new PreventionBatch.Response(results);
    }

    private static JsonNode portfoliosOf(JsonNode body) {
        String expected = "must be an array of 1 to " + MAX_PORTFOLIOS + " portfolios";
        JsonNode items = body == null || !body.isObject() ? null : body.get("portfolios");
        if (items == null || !items.isArray()) {
            throw new PortfolioViolations("The body must be an object {\"portfolios\": [...]}", List.of(new FieldError("portfolios", expected)));
        }
        if (items.isEmpty() || items.size() > MAX_PORTFOLIOS) {
            throw new PortfolioViolations("A batch holds 1 to " + MAX_PORTFOLIOS + " portfolios; this one holds " + items.size(),
                    List.of(new FieldError("portfolios", expected + "; got " + items.size())));
        }
        return items;
    }

    /** Whatever goes wrong with one portfolio becomes its error result; the next one still runs. */
    private PreventionBatch.Result planItem(Ruleset ruleset, int index, JsonNode item, String language, String instance) {
        try {
            PreventionRequest request = reader.read(item);
            return new PreventionBatch.Result(prevention.plan(ruleset, request, language), null);
        } catch (PortfolioViolations e) {
            return new PreventionBatch.Result(null, PreventionProblems.invalid(e, instance));
        } catch (InvalidDefinitionException e) {
            log.error("Cannot read prevention batch item {}", index, e);
            return new PreventionBatch.Result(null, ApiProblems.internalError(instance));
        } catch (JacksonException e) {
            return new PreventionBatch.Result(null, ApiProblems.unreadable(e, instance));
        } catch (DecisionFailedException e) {
            log.error("Prevention plan failed for batch item {}: {}", index, e.getMessage(), e);
            return new PreventionBatch.Result(null, ApiProblems.failed(e, instance));
        } catch (RuntimeException e) {
            log.error("Unexpected failure for prevention batch item {}", index, e);
            return new PreventionBatch.Result(null, ApiProblems.internalError(instance));
        }
    }

    /** The 400 of a portfolio that breaks the contract, for this controller only. */
    @RestControllerAdvice(assignableTypes = PreventionController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class PreventionProblems {
        static ProblemDetail invalid(PortfolioViolations e, String instance) {
            return ApiProblems.invalid("Invalid portfolio", e.getMessage(), e.errors(), instance);
        }

        @ExceptionHandler(PortfolioViolations.class)
        ResponseEntity<Object> invalidPortfolio(PortfolioViolations e, HttpServletRequest request) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(invalid(e, request.getRequestURI()));
        }
    }
}
