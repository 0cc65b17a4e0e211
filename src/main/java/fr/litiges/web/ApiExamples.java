package fr.litiges.web;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.InvalidComplaintException;
import fr.litiges.decision.api.Complaint;
import fr.litiges.prevention.PreventionService;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document's examples are one real complaint (the contract's) and what the service answers to
 * it: the decision, the batch with one bad complaint beside it, the validation, the 400, and the
 * prevention plans of the prevention contract's portfolio. The answers are not written by hand:
 * they are decided on the active ruleset when the document is written out, once per ruleset, so
 * they follow the analysts' rules after a reload or a publish (springdoc builds the document once
 * and writes it at each request; the example objects decide when written).
 */
final class ApiExamples implements OpenApiCustomizer {
    static final String COMPLAINT = "/openapi/complaint-example.json";
    static final String PORTFOLIO = "/openapi/portfolio-example.json";
    private static final String JSON = "application/json";

    private final JsonMapper json;
    private final ObjectProvider<ComplaintReader> readers;
    private final ObjectProvider<ActiveRuleset> rulesets;
    private final ObjectProvider<DecisionService> decisions;
    private final ObjectProvider<PreventionService> prevention;
    private ComplaintReader reader;
    private ActiveRuleset active;

    /** Providers: a web slice of another package may have none of these beans, and then no examples. */
    ApiExamples(JsonMapper json, ObjectProvider<ComplaintReader> readers, ObjectProvider<ActiveRuleset> rulesets,
                ObjectProvider<DecisionService> decisions, ObjectProvider<PreventionService> prevention) {
        this.json = json;
        this.readers = readers;
        this.rulesets = rulesets;
        this.decisions = decisions;
        this.prevention = prevention;
    }

    @Override
    public void customise(OpenAPI openApi) {
        reader = readers.getIfAvailable();
        active = rulesets.getIfAvailable();
        if (reader == null || active == null || decisions.getIfAvailable() == null) {
            return;
        }
        ObjectNode complaint = read(COMPLAINT);
        // beside it in the batch: a complaint that matches the schema but that the service refuses, naming
        // the field (no disputedAmount, and unpaid invoices in two currencies: the amount is ambiguous)
        ObjectNode refused = complaint.deepCopy();
        refused.put("complaintId", "CRM-2026-000124");
        refused.remove("disputedAmount");
        ((ObjectNode) refused.get("invoices").get(1)).put("currency", "USD");
        ObjectNode batch = json.createObjectNode();
        batch.putArray("complaints").add(complaint).add(refused);

        operation(openApi, "/api/v1/decisions").ifPresent(op -> {
            request(op, plain(complaint));
            response(op, "200", new PerRuleset(ruleset -> plain(decide(ruleset, complaint, "fr"))));
            response(op, "400", plain(problem(refused, "/api/v1/decisions")));
        });
        operation(openApi, "/api/v1/decisions/validate").ifPresent(op -> {
            request(op, plain(complaint));
            response(op, "200", Map.of("valid", true));
            response(op, "400", plain(problem(refused, "/api/v1/decisions/validate")));
        });
        operation(openApi, "/api/v1/decisions/batch").ifPresent(op -> {
            request(op, plain(batch));
            response(op, "200", new PerRuleset(ruleset -> Map.of("results", List.of(
                    Map.of("decision", plain(decide(ruleset, complaint, "en"))),
                    Map.of("error", plain(problem(refused, "/api/v1/decisions/batch")))))));
        });
        // a replay (impact of a candidate, disputes report) takes the same complaints as a batch
        ObjectNode replay = json.createObjectNode();
        replay.putArray("complaints").add(complaint);
        operation(openApi, "/api/v1/reports/disputes").ifPresent(op -> request(op, plain(replay)));
        operation(openApi, "/api/v1/rulesets/candidates/{id}/impact").ifPresent(op -> request(op, plain(replay)));
        if (prevention.getIfAvailable() != null) {
            ObjectNode portfolio = read(PORTFOLIO);
            ObjectNode portfolios = json.createObjectNode();
            portfolios.putArray("portfolios").add(portfolio);
            operation(openApi, "/api/v1/prevention/plans").ifPresent(op -> {
                request(op, plain(portfolio));
                response(op, "200", new PerRuleset(ruleset -> plain(plan(ruleset, portfolio))));
            });
            operation(openApi, "/api/v1/prevention/plans/batch").ifPresent(op -> {
                request(op, plain(portfolios));
                response(op, "200", new PerRuleset(ruleset -> Map.of("results", List.of(Map.of("portfolio", plain(plan(ruleset, portfolio)))))));
            });
        }
    }

    private ObjectNode read(String resource) {
        try (InputStream in = ApiExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing example " + resource);
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object decide(Ruleset ruleset, JsonNode complaint, String language) {
        Complaint read = reader.read(complaint);
        return decisions.getObject().decide(ruleset, read, language);
    }

    private Object plan(Ruleset ruleset, JsonNode portfolio) {
        return prevention.getObject().plan(ruleset, json.treeToValue(portfolio, PreventionRequest.class), "en");
    }

    /** The 400 the service answers to {@code complaint}, as the endpoints write it. */
    private Map<String, Object> problem(JsonNode complaint, String instance) {
        ProblemDetail problem;
        try {
            DecisionService.checkDecidable(reader.read(complaint));
            throw new IllegalStateException("the refused example complaint is accepted");
        } catch (InvalidRequestException e) {
            problem = Problems.invalid(e, instance);
        } catch (InvalidComplaintException e) {
            problem = Problems.invalidComplaint(e, instance);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** Maps, lists, strings, numbers: what the document's own (Jackson 2) writer writes as they are. */
    private Object plain(Object value) {
        return json.convertValue(value instanceof JsonNode node ? node : json.valueToTree(value), Object.class);
    }

    private static java.util.Optional<Operation> operation(OpenAPI openApi, String path) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
        return java.util.Optional.ofNullable(item == null ? null : item.getPost());
    }

    private static void request(Operation operation, Object example) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType media = operation.getRequestBody().getContent().get(JSON);
            if (media != null) {
                media.setExample(example);
            }
        }
    }

    private static void response(Operation operation, String status, Object example) {
        ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(status);
        if (response == null || response.getContent() == null) {
            return;
        }
        MediaType media = response.getContent().get(JSON);
        if (media == null) {
            media = response.getContent().get(ApiDocs.PROBLEM);
        }
        if (media != null) {
            media.setExample(example);
        }
    }

    /**
     * An answer decided on the active ruleset when the document is written, and again only when the
     * active ruleset changed. Written as {@code null} while no ruleset is active (before readiness).
     */
    private final class PerRuleset {
        private final Function<Ruleset, Object> answer;
        private String key;
        private Object value;

        PerRuleset(Function<Ruleset, Object> answer) {
            this.answer = answer;
        }

        @JsonValue
        synchronized Object value() {
            if (!active.isActive()) {
                return null;
            }
            Ruleset ruleset = active.current();
            String key = ruleset.version() + " " + ruleset.hash();
            if (!key.equals(this.key)) {
                value = answer.apply(ruleset);
                this.key = key;
            }
            return value;
        }
    }
}
