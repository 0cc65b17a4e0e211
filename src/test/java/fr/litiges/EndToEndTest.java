package fr.litiges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import fr.litiges.decision.Complaints;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole service on its shipped rules, over HTTP, as a CRM calls it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "litiges.ruleset.watch=false")
class EndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DecisionService decisions;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String body, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", "local-admin-key")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", "local-admin-key").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String contractExample() throws IOException {
        try (InputStream in = EndToEndTest.class.getResourceAsStream("/decision/contract-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theContractExampleGetsItsDocumentedDecisionWithATraceToFilesSheetsAndRows() throws Exception {
        HttpResponse<String> response = post("/api/v1/decisions", contractExample(), "fr-FR,fr;q=0.9");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.at("/complaintId").asString()).isEqualTo("CRM-2026-000123");
        // What the rules decide (cause, department, channel, 57 days, 146.58) is the analysts' policy, pinned in
        // the scenario book (sheet Paiement, "L'exemple du contrat d'API"); over HTTP the answer is the rules' one.
        Decision rules = decisions.decide(Complaints.fromResource("/decision/contract-example.json"), "fr");
        assertThat(decision.at("/classification/primaryCause").asString()).isEqualTo(rules.classification().primaryCause().name());
        assertThat(decision.at("/classification/subCause").asString()).isEqualTo(rules.classification().subCause().name());
        assertThat(decision.at("/routing/department").asString()).isEqualTo(rules.routing().department().name());
        assertThat(decision.at("/routing/priority").asString()).isEqualTo(rules.routing().priority().name());
        assertThat(decision.at("/resolution/recommendedChannel").asString()).isEqualTo(rules.resolution().recommendedChannel().name());
        assertThat(decision.at("/resolution/rationale").asString()).as("in French, as asked").isEqualTo(rules.resolution().rationale());
        assertThat(decision.at("/paymentImpact/expectedResolutionDays").asInt()).isEqualTo(rules.paymentImpact().expectedResolutionDays());
        // the invoice's own due date, from the request
        assertThat(decision.at("/paymentImpact/originalDueOn").asString()).isEqualTo("2026-11-30");
        assertThat(decision.at("/paymentImpact/expectedPaymentOn").asString()).isEqualTo(rules.paymentImpact().expectedPaymentOn().toString());
        assertThat(decision.at("/paymentImpact/delayDays").asInt()).isEqualTo(rules.paymentImpact().delayDays());
        assertThat(decision.at("/paymentImpact/financingCost").decimalValue()).isEqualByComparingTo(rules.paymentImpact().financingCost());
        assertThat(decision.at("/ruleset/hash").asString()).startsWith("sha256:").isEqualTo(rules.ruleset().hash());

        List<JsonNode> trace = new ArrayList<>();
        decision.at("/trace").forEach(trace::add);
        assertThat(trace).anySatisfy(entry -> {
            assertThat(entry.at("/source").asString()).isEqualTo("rules/causes-from-data.drl");
            assertThat(entry.at("/line").asInt()).isPositive();
        });
        assertThat(trace).anySatisfy(entry -> {
            assertThat(entry.at("/source").asString()).isEqualTo("decision-tables/routing.xlsx");
            assertThat(entry.at("/sheet").asString()).isEqualTo("Services");
            assertThat(entry.at("/row").asInt()).isPositive();
        });
    }

    @Test
    void concurrentCallsAllGetTheSameAnswer() throws Exception {
        String body = contractExample();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(pool.submit(() -> post("/api/v1/decisions", body, "en")));
        }
        List<String> causes = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode decision = JSON.readTree(response.body());
            causes.add(decision.at("/classification/subCause").asString() + "/" + decision.at("/paymentImpact/financingCost").asString());
        }
        pool.shutdown();
        assertThat(causes).hasSize(64).containsOnly(causes.get(0));
    }

    @Test
    void theRulesetEndpointHealthAndInfoDescribeTheShippedRules() throws Exception {
        JsonNode ruleset = JSON.readTree(get("/api/v1/ruleset").body());
        assertThat(ruleset.at("/ruleCount").asInt()).isPositive();
        assertThat(ruleset.at("/files").size()).isPositive();

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).at("/status").asString()).isEqualTo("UP");

        JsonNode info = JSON.readTree(get("/actuator/info").body());
        assertThat(info.at("/ruleset/version").asString()).isEqualTo(ruleset.at("/version").asString());
    }

    @Test
    void aReloadOfUnchangedFilesKeepsServing() throws Exception {
        HttpResponse<String> reload = post("/api/v1/ruleset/reload", "", null);

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(reload.body());
        // the same content is the same version: nothing recompiled, no version minted
        assertThat(body.at("/lastReload/outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(body.at("/version").asString()).isEqualTo(body.at("/lastReload/version").asString());
        assertThat(post("/api/v1/decisions", contractExample(), null).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/actuator/metrics/litiges.ruleset.reloads").body()).at("/measurements/0/value").asDouble())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void badInputIsAProblemNotAServerError() throws Exception {
        HttpResponse<String> response = post("/api/v1/decisions", contractExample().replace("\"BUSINESS\"", "\"ALIEN\""), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("customer.type");
    }
}
