package fr.litiges.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an operator and a platform see: probes, correlation ids, and metrics for a scraper's key only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "litiges.ruleset.watch=false",
        // a cold first decision on a busy build machine may pass the production budget of 1 s
        "litiges.decision.time-budget=1m",
        "litiges.security.api-keys[0].name=scraper",
        "litiges.security.api-keys[0].sha256=a51c5e4283789cd00dbb6c53584148181ea92999fbfdcc1dafc4cb779ec98cb1",
        "litiges.security.api-keys[0].roles=monitoring",
        "litiges.security.api-keys[1].name=crm",
        "litiges.security.api-keys[1].sha256=65ec9faaae6d370396226e7cada4d42f0e93e24bd0034a623a73a017d0f6e04c",
        "litiges.security.api-keys[1].roles=decider",
        "litiges.security.api-keys[2].name=admin",
        "litiges.security.api-keys[2].sha256=bce59fca90effa92d81feebdf232823043c50ad8bf0fc4e728d336967ce47cbd",
        "litiges.security.api-keys[2].roles=rules-admin"})
class OperationsEndToEndTest {
    private static final String SCRAPER = "ops-test-scraper";
    private static final String DECIDER = "ops-test-decider";
    private static final String ADMIN = "ops-test-admin";

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return key == null ? request : request.header("X-API-Key", key);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> decide(String key, String... headers) throws IOException, InterruptedException {
        String example;
        try (InputStream in = getClass().getResourceAsStream("/decision/contract-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpRequest.Builder request = request("/api/v1/decisions", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(example));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    @Test
    void livenessAndReadinessProbesArePublic() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = send(request(probe, null));
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void everyAnswerCarriesTheCorrelationIdOfItsRequest() throws Exception {
        assertThat(decide(DECIDER, "X-Request-Id", "crm-7f3a.42").headers().firstValue("X-Request-Id")).contains("crm-7f3a.42");
        assertThat(decide(DECIDER, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .headers().firstValue("X-Request-Id")).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(decide(DECIDER, "X-Request-Id", "not a token").headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        HttpResponse<String> refused = decide(null, "X-Request-Id", "crm-refused-1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Request-Id")).contains("crm-refused-1");
    }

    @Test
    void theScrapersKeyReadsTheMetricsAndNothingElse() throws Exception {
        assertThat(decide(SCRAPER).statusCode()).isEqualTo(403);
        assertThat(send(request("/actuator/metrics", SCRAPER)).statusCode()).isEqualTo(403);
        assertThat(send(request("/api/v1/ruleset", SCRAPER)).statusCode()).isEqualTo(403);
        assertThat(send(request("/actuator/prometheus", DECIDER)).statusCode()).isEqualTo(403);
        assertThat(send(request("/actuator/prometheus", null)).statusCode()).isEqualTo(401);
        assertThat(send(request("/actuator/prometheus", ADMIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusShowsLatencyHistogramsDecisionCodesRuleHitsAndTheActiveVersion() throws Exception {
        HttpResponse<String> decided = decide(DECIDER);
        assertThat(decided.statusCode()).isEqualTo(200);
        // the codes this decision carries, whatever the analysts' policy makes them
        JsonNode classification = JsonMapper.builder().build().readTree(decided.body()).get("classification");
        String cause = classification.get("primaryCause").asString();
        String confidence = classification.get("confidence").asString();

        HttpResponse<String> scrape = send(request("/actuator/prometheus", SCRAPER));

        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/decisions\"");
        assertThat(metrics).containsPattern("litiges_decisions_seconds_count\\{[^}]*cause=\"" + cause + "\"[^}]*confidence=\"" + confidence
                + "\"[^}]*outcome=\"decided\"");
        assertThat(metrics).containsPattern("litiges_decisions_abstentions_total");
        assertThat(metrics).containsPattern("litiges_rule_hits_total\\{[^}]*ruleId=\"[^\"]+\"[^}]*source=\"decision-tables/[^\"]+\\.xlsx\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("litiges_rule_hits_total\\{[^}]*source=\"rules/[^\"]+\\.drl\"[^}]*} 0\\.0");
        assertThat(metrics).containsPattern("litiges_ruleset_active\\{[^}]*hash=\"sha256:[0-9a-f]+\"[^}]*version=\"[^\"]+\"[^}]*} 1\\.0");
        assertThat(metrics).contains("application=\"litiges-decision-service\"");
        // identifiers of complaints and customers never become labels
        assertThat(metrics).doesNotContain("CRM-2026-000123", "K-881");
    }

    @Test
    void everyMetricOfTheGrafanaDashboardIsExported() throws Exception {
        assertThat(decide(DECIDER).statusCode()).isEqualTo(200);
        String metrics = send(request("/actuator/prometheus", SCRAPER)).body();

        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(Path.of("deploy/grafana/litiges-dashboard.json")));
        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("\\b(litiges_\\w+|http_server_requests_\\w+|jvm_\\w+|process_\\w+)\\b")
                .matcher(dashboard.findValues("expr").toString());
        while (names.find()) {
            used.add(names.group(1));
        }
        // registered by the first reload of the ruleset
        used.remove("litiges_ruleset_reloads_total");
        assertThat(used).hasSizeGreaterThan(8).allSatisfy(name ->
                assertThat(metrics).as(name).containsPattern("(?m)^" + name + "\\{"));
    }
}
