package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import fr.litiges.ruleset.RulesetSource;
import fr.litiges.versions.GitRulesetStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real answers of every endpoint, on the shipped rules over HTTP, checked against the OpenAPI
 * document the service serves: the status must be one the document lists for that operation, the
 * content type one it lists for that status, and the body must match the schema it declares there
 * (OpenAPI 3.1 dialect, formats asserted, and no property the schema does not declare). Same
 * context as {@code EndToEndTest}: no new application is started for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "litiges.ruleset.watch=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiResponsesTest {
    private static final String DOCUMENT_IRI = "https://litiges.invalid/v3/api-docs";
    private static final String ADMIN = LocalApiKey.ADMIN;
    private static final String DECIDER = LocalApiKey.DECIDER;
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    BatchGate gate;

    @Autowired
    GitRulesetStore store;

    /** Bound once: the property itself holds ${random.uuid}, a new folder at each reading. */
    @Autowired
    fr.litiges.versions.RulesetsProperties rulesets;

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode document;
    private SchemaRegistry schemas;
    private String example;

    @BeforeAll
    void fetchTheDocument() throws Exception {
        HttpResponse<String> response = send(request("GET", "/v3/api-docs", null, null, null));
        assertThat(response.statusCode()).isEqualTo(200);
        document = TestData.JSON.readTree(response.body());
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, TestData.JSON.writeValueAsString(closed(document.deepCopy())))));
        try (InputStream in = OpenApiResponsesTest.class.getResourceAsStream("/decision/contract-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Every object schema with declared properties and no additionalProperties is closed for this
     * test, so a property the service sends but the document does not declare fails, as it would
     * fail a client generated with strict models.
     */
    private static JsonNode closed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            object.properties().forEach(entry -> closed(entry.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(OpenApiResponsesTest::closed);
        }
        return node;
    }

    // ---------------------------------------------------------------- HTTP

    private HttpRequest.Builder request(String method, String path, String key, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key, String body) throws IOException, InterruptedException {
        return send(request("POST", path, key, JSON, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return send(request("GET", path, key, null, null));
    }

    // ---------------------------------------------------------------- the check

    /**
     * The answer is one the document declares for {@code method} on the path template
     * {@code template}: its status, its content type, and its body against the schema there.
     */
    private JsonNode conforms(String method, String template, HttpResponse<String> response) {
        String where = method + " " + template + " → " + response.statusCode() + "\n" + response.body();
        String operation = "/paths/" + escape(template) + "/" + method.toLowerCase(java.util.Locale.ROOT);
        assertThat(document.at(operation).isObject()).as("the document has no operation " + where).isTrue();
        String status = Integer.toString(response.statusCode());
        assertThat(document.at(operation + "/responses").propertyNames()).as("undocumented status: " + where).contains(status);
        return matchesSchema(operation + "/responses/" + status, response, where);
    }

    /** For answers outside any operation (an unknown path, a method the path does not have): the problem schema. */
    private JsonNode isTheProblemSchema(HttpResponse<String> response) {
        String where = response.request().method() + " " + response.request().uri().getPath() + " → " + response.statusCode() + "\n"
                + response.body();
        assertThat(mediaType(response)).as(where).isEqualTo("application/problem+json");
        return validate("/components/schemas/ProblemDetail", response.body(), where);
    }

    private JsonNode matchesSchema(String declaredResponse, HttpResponse<String> response, String where) {
        String media = mediaType(response);
        JsonNode content = document.at(declaredResponse + "/content");
        assertThat(content.propertyNames()).as("undocumented content type " + media + ": " + where).contains(media);
        String schema = declaredResponse + "/content/" + escape(media) + "/schema";
        if (!media.endsWith("json")) {
            return null;
        }
        assertThat(document.at(schema).isObject()).as("no schema for " + where).isTrue();
        return validate(schema, response.body(), where);
    }

    private JsonNode validate(String pointer, String body, String where) {
        String fragment = pointer.replace("{", "%7B").replace("}", "%7D");
        var errors = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment))
                .validate(body, InputFormat.JSON, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        assertThat(errors).as("against " + pointer + ": " + where).isEmpty();
        return TestData.JSON.readTree(body);
    }

    private static String mediaType(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void aDecision() throws Exception {
        JsonNode decision = conforms("POST", "/api/v1/decisions", send(request("POST", "/api/v1/decisions", DECIDER, JSON,
                example.getBytes(StandardCharsets.UTF_8)).header("Accept-Language", "fr-FR,fr;q=0.9")));
        assertThat(decision.at("/classification/subCause").isString()).as("a decided sub-cause").isTrue();
    }

    @Test
    void aBatchWithOneBadComplaint() throws Exception {
        String bad = example.replace("\"BUSINESS\"", "\"ALIEN\"");
        JsonNode batch = conforms("POST", "/api/v1/decisions/batch", post("/api/v1/decisions/batch", DECIDER,
                "{\"complaints\": [" + example + ", " + bad + ", 42]}"));
        assertThat(batch.at("/results/0/decision").isObject()).isTrue();
        assertThat(batch.at("/results/1/error/errors/0/field").asString()).isEqualTo("customer.type");
        assertThat(batch.at("/results/2/error/status").asInt()).isEqualTo(400);
    }

    @Test
    void aValidation() throws Exception {
        assertThat(conforms("POST", "/api/v1/decisions/validate", post("/api/v1/decisions/validate", DECIDER, example))
                .at("/valid").asBoolean()).isTrue();
    }

    @Test
    void aBadComplaintNamesEachField() throws Exception {
        String bad = example.replace("\"BUSINESS\"", "\"ALIEN\"").replace("\"2026-11-20\"", "\"2026-02-30\"");
        JsonNode problem = conforms("POST", "/api/v1/decisions", post("/api/v1/decisions", DECIDER, bad));
        assertThat(problem.at("/status").asInt()).isEqualTo(400);
        assertThat(problem.at("/errors").size()).isPositive();
        conforms("POST", "/api/v1/decisions/validate", post("/api/v1/decisions/validate", DECIDER, bad));
        conforms("POST", "/api/v1/decisions/batch", post("/api/v1/decisions/batch", DECIDER, "{\"complaints\": []}"));
    }

    // ---------------------------------------------------------------- the examples

    @Test
    void everyExampleMatchesTheSchemaBesideIt() {
        List<String> checked = new ArrayList<>();
        document.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String at = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
            operation.getValue().at("/requestBody/content").properties().forEach(media ->
                    checked.add(example(at + "/requestBody/content/" + escape(media.getKey()))));
            operation.getValue().at("/responses").properties().forEach(response ->
                    response.getValue().at("/content").properties().forEach(media ->
                            checked.add(example(at + "/responses/" + response.getKey() + "/content/" + escape(media.getKey())))));
        }));
        checked.removeIf(java.util.Objects::isNull);
        assertThat(checked).hasSizeGreaterThanOrEqualTo(12);
    }

    /** The example at {@code media}, if any, against the schema beside it. */
    private String example(String media) {
        JsonNode example = document.at(media + "/example");
        if (example.isMissingNode()) {
            return null;
        }
        assertThat(example.isNull()).as(media + ": no ruleset was active when the example was decided").isFalse();
        if (document.at(media + "/schema").isMissingNode()) {
            return null; // a body the document describes in words only (a replay: JSON or NDJSON)
        }
        validate(media + "/schema", TestData.JSON.writeValueAsString(example), "the example of " + media);
        return media;
    }

    @Test
    void theExampleDecisionIsWhatTheServiceDecidesOnTheExampleComplaint() throws Exception {
        String at = "/paths/~1api~1v1~1decisions/post";
        JsonNode complaint = document.at(at + "/requestBody/content/application~1json/example");
        assertThat(complaint).as("the contract's example complaint").isEqualTo(TestData.JSON.readTree(example));
        JsonNode decided = TestData.JSON.readTree(send(request("POST", "/api/v1/decisions", DECIDER, JSON,
                TestData.JSON.writeValueAsBytes(complaint)).header("Accept-Language", "fr-FR,fr;q=0.9")).body());

        JsonNode shown = document.at(at + "/responses/200/content/application~1json/example");
        // what the example says is the analysts' policy (pinned in the scenario book): here, only that it is the service's answer
        assertThat(shown.at("/classification/subCause").isString()).isTrue();
        assertThat(withoutIdentity(shown)).isEqualTo(withoutIdentity(decided));

        JsonNode batch = document.at("/paths/~1api~1v1~1decisions~1batch/post/responses/200/content/application~1json/example");
        assertThat(batch.at("/results/0/decision/classification/subCause").asString()).isEqualTo(decided.at("/classification/subCause").asString());
        assertThat(batch.at("/results/1/error/errors/0/field").asString()).isEqualTo("disputedAmount");
        JsonNode refused = document.at(at + "/responses/400/content/application~1problem+json/example");
        assertThat(refused.at("/errors/0/field").asString()).isEqualTo("disputedAmount");
    }

    @Test
    void theExamplePlansAreWhatTheServicePlansForTheExamplePortfolio() throws Exception {
        String at = "/paths/~1api~1v1~1prevention~1plans/post";
        JsonNode portfolio = document.at(at + "/requestBody/content/application~1json/example");
        JsonNode planned = TestData.JSON.readTree(send(request("POST", "/api/v1/prevention/plans", DECIDER, JSON,
                TestData.JSON.writeValueAsBytes(portfolio)).header("Accept-Language", "en")).body());
        JsonNode shown = document.at(at + "/responses/200/content/application~1json/example");
        assertThat(shown.at("/plans/0/riskTier").isString()).as("the example shows a plan").isTrue();
        assertThat(TestData.JSON.writeValueAsString(shown)).isEqualTo(TestData.JSON.writeValueAsString(planned));
    }

    /**
     * A decision without what differs from one call to the next: its identifier, its time, and the
     * order of its evidence and trace entries (the same complaint may list them in another order).
     */
    private static String withoutIdentity(JsonNode decision) {
        ObjectNode copy = (ObjectNode) decision.deepCopy();
        copy.remove(List.of("decisionId", "evaluatedAt"));
        return TestData.JSON.writeValueAsString(sorted(copy));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                JsonNode value = sorted(entry.getValue());
                if (value.isArray() && ("evidence".equals(entry.getKey()) || "trace".equals(entry.getKey()))) {
                    List<JsonNode> items = new ArrayList<>();
                    value.forEach(items::add);
                    items.sort(java.util.Comparator.comparing(JsonNode::toString));
                    tools.jackson.databind.node.ArrayNode ordered = object.putArray(entry.getKey());
                    items.forEach(ordered::add);
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(OpenApiResponsesTest::sorted);
        }
        return node;
    }

    // ---------------------------------------------------------------- prevention

    private static final String PORTFOLIO = """
            {"asOf": "2026-12-01",
             "customer": {"id": "K-881", "type": "BUSINESS", "strategic": false, "relationshipYears": 6, "previousDisputes12m": 0},
             "invoices": [{"number": "F-1001", "issuedOn": "2026-11-01", "dueOn": "2026-12-31", "amount": 12500.00,
                           "currency": "EUR", "status": "OPEN"}]}
            """;

    @Test
    void preventionPlans() throws Exception {
        JsonNode plans = conforms("POST", "/api/v1/prevention/plans", post("/api/v1/prevention/plans", DECIDER, PORTFOLIO));
        assertThat(plans.at("/plans").size()).isPositive();
        JsonNode batch = conforms("POST", "/api/v1/prevention/plans/batch", post("/api/v1/prevention/plans/batch", DECIDER,
                "{\"portfolios\": [" + PORTFOLIO + ", " + PORTFOLIO.replace("\"BUSINESS\"", "\"ALIEN\"") + "]}"));
        assertThat(batch.toString()).contains("customer.type");
        conforms("POST", "/api/v1/prevention/plans", post("/api/v1/prevention/plans", DECIDER, PORTFOLIO.replace("\"BUSINESS\"", "\"ALIEN\"")));
    }

    // ---------------------------------------------------------------- the active ruleset and its versions

    @Test
    void theActiveRulesetAndAReload() throws Exception {
        JsonNode ruleset = conforms("GET", "/api/v1/ruleset", get("/api/v1/ruleset", DECIDER));
        assertThat(ruleset.at("/ruleCount").asInt()).isPositive();
        conforms("POST", "/api/v1/ruleset/reload", send(request("POST", "/api/v1/ruleset/reload", ADMIN, null, null)));
    }

    @Test
    void versionsCandidatesDiffAndImpact() throws Exception {
        JsonNode versions = conforms("GET", "/api/v1/rulesets", get("/api/v1/rulesets", ADMIN));
        String active = versions.at("/versions/0/version").asString();
        for (JsonNode version : versions.at("/versions")) {
            if (version.at("/active").asBoolean()) {
                active = version.at("/version").asString();
            }
        }
        String drl = firstDrl(active);
        byte[] source = store.file(active, drl).orElseThrow();

        // a candidate that compiles (a comment added), its impact on two complaints
        JsonNode ready = conforms("POST", "/api/v1/rulesets/candidates", upload(drl, (new String(source, StandardCharsets.UTF_8)
                + "\n// checked by OpenApiResponsesTest\n").getBytes(StandardCharsets.UTF_8)));
        String readyId = ready.at("/id").asString();
        conforms("GET", "/api/v1/rulesets/candidates/{id}", get("/api/v1/rulesets/candidates/" + readyId, ADMIN));
        JsonNode impact = conforms("POST", "/api/v1/rulesets/candidates/{id}/impact",
                post("/api/v1/rulesets/candidates/" + readyId + "/impact", ADMIN, "{\"complaints\": [" + example + ", " + example + "]}"));
        assertThat(impact.toString()).isNotEmpty();
        conforms("POST", "/api/v1/rulesets/candidates/{id}/publish",
                post("/api/v1/rulesets/candidates/" + readyId + "/publish", ADMIN, "{\"message\": \"\"}"));

        // a candidate that does not compile: refused, no impact, no publish
        JsonNode refused = conforms("POST", "/api/v1/rulesets/candidates", upload(drl, "rule \"broken\" when then oops(".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.at("/status").asString()).isEqualTo("REFUSED");
        String refusedId = refused.at("/id").asString();
        conforms("POST", "/api/v1/rulesets/candidates/{id}/impact",
                post("/api/v1/rulesets/candidates/" + refusedId + "/impact", ADMIN, "{\"complaints\": [" + example + "]}"));
        conforms("POST", "/api/v1/rulesets/candidates/{id}/publish",
                post("/api/v1/rulesets/candidates/" + refusedId + "/publish", ADMIN, "{\"message\": \"try\"}"));
        conforms("GET", "/api/v1/rulesets/candidates/{id}", get("/api/v1/rulesets/candidates/no-such-candidate", ADMIN));

        // a version stored beside the active one that no longer compiles: its diff, and its activation refused with 422
        RulesetSource broken = store.read(active).orElseThrow()
                .with(Map.of(drl, "rule \"broken\" when then oops(".getBytes(StandardCharsets.UTF_8)), List.of());
        String brokenVersion = store.write(broken, "OpenApiResponsesTest", "a version that no longer compiles", Instant.now(), active);
        listed(brokenVersion);
        HttpResponse<String> diffResponse = get("/api/v1/rulesets/" + active + "/diff/" + brokenVersion, ADMIN);
        assertThat(diffResponse.statusCode()).isEqualTo(200);
        JsonNode diff = conforms("GET", "/api/v1/rulesets/{from}/diff/{to}", diffResponse);
        assertThat(diff.at("/changes").size()).isPositive();
        JsonNode refusal = conforms("POST", "/api/v1/rulesets/{version}/activate",
                send(request("POST", "/api/v1/rulesets/" + brokenVersion + "/activate", ADMIN, null, null)));
        assertThat(refusal.at("/status").asInt()).isEqualTo(422);
        assertThat(refusal.at("/errors/0/source").asString()).isEqualTo(drl);

        conforms("GET", "/api/v1/rulesets/{version}/files/{path}", get("/api/v1/rulesets/" + active + "/files/" + drl, ADMIN));
    }

    /**
     * Lists a written version without activating it, as an older build or another replica may have
     * left one: the store itself lists a version only once it passed the gate.
     */
    private void listed(String version) throws IOException {
        try (org.eclipse.jgit.lib.Repository repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(new java.io.File(rulesets.repository())).setMustExist(true).build()) {
            org.eclipse.jgit.lib.RefUpdate update = repository.updateRef("refs/versions/" + version);
            update.setNewObjectId(org.eclipse.jgit.lib.ObjectId.fromString(version));
            assertThat(update.update()).isIn(org.eclipse.jgit.lib.RefUpdate.Result.NEW, org.eclipse.jgit.lib.RefUpdate.Result.FORCED);
        }
    }

    private String firstDrl(String version) {
        return store.read(version).orElseThrow().paths().stream().filter(p -> p.startsWith("rules/") && p.endsWith(".drl"))
                .sorted().findFirst().orElseThrow();
    }

    private HttpResponse<String> upload(String path, byte[] content) throws IOException, InterruptedException {
        String boundary = "----openapi-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + path
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("POST", "/api/v1/rulesets/candidates", ADMIN, "multipart/form-data; boundary=" + boundary, body.toByteArray()));
    }

    // ---------------------------------------------------------------- the disputes report

    @Test
    void theDisputesReport() throws Exception {
        JsonNode report = conforms("POST", "/api/v1/reports/disputes", post("/api/v1/reports/disputes", ADMIN,
                "{\"complaints\": [" + example + ", {\"complaintId\": \"CRM-2\"}]}"));
        String decided = TestData.JSON.readTree(post("/api/v1/decisions", DECIDER, example).body()).at("/classification/subCause").asString();
        assertThat(decided).isNotBlank();
        assertThat(report.toString()).as("the report counts the example's sub-cause").contains(decided);
        conforms("POST", "/api/v1/reports/disputes", post("/api/v1/reports/disputes", ADMIN, "{\"complaints\": []}"));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void noKeyIs401AndTheWrongRoleIs403() throws Exception {
        conforms("POST", "/api/v1/decisions", post("/api/v1/decisions", null, example));
        conforms("GET", "/api/v1/rulesets", get("/api/v1/rulesets", DECIDER));
        conforms("POST", "/api/v1/ruleset/reload", send(request("POST", "/api/v1/ruleset/reload", DECIDER, null, null)));
    }

    @Test
    void anUnknownPathIs404AndAnUnknownMethod405() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/no-such-thing", DECIDER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        isTheProblemSchema(unknown);
        HttpResponse<String> put = send(request("PUT", "/api/v1/decisions", DECIDER, JSON, example.getBytes(StandardCharsets.UTF_8)));
        assertThat(put.statusCode()).isEqualTo(405);
        isTheProblemSchema(put);
    }

    @Test
    void anUnacceptableAcceptIs406() throws Exception {
        HttpResponse<String> response = send(request("POST", "/api/v1/decisions", DECIDER, JSON, example.getBytes(StandardCharsets.UTF_8))
                .header("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(406);
        conforms("POST", "/api/v1/decisions", response);
    }

    @Test
    void aBodyTooLargeIs413AndNotJsonIs415() throws Exception {
        String large = example.replace("\"Bonjour,", "\"" + "x".repeat(1024 * 1024) + " Bonjour,");
        HttpResponse<String> tooLarge = post("/api/v1/decisions", DECIDER, large);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        conforms("POST", "/api/v1/decisions", tooLarge);
        HttpResponse<String> text = send(request("POST", "/api/v1/decisions", DECIDER, "text/plain", example.getBytes(StandardCharsets.UTF_8)));
        assertThat(text.statusCode()).isEqualTo(415);
        conforms("POST", "/api/v1/decisions", text);
    }

    @Test
    void aBatchOverTheInstanceLimitIs503WithRetryAfter() throws Exception {
        List<Boolean> held = new ArrayList<>();
        try {
            while (gate.tryEnter()) {
                held.add(Boolean.TRUE);
            }
            HttpResponse<String> busy = post("/api/v1/decisions/batch", DECIDER, "{\"complaints\": [" + example + "]}");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            conforms("POST", "/api/v1/decisions/batch", busy);
        } finally {
            held.forEach(permit -> gate.leave());
        }
    }
}
