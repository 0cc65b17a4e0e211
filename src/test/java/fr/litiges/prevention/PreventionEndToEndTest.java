package fr.litiges.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The prevention endpoints over HTTP on the shipped rules, as a CRM calls them (same context as EndToEndTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "litiges.ruleset.watch=false")
class PreventionEndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EXAMPLE = """
            {"asOf": "2026-12-01",
             "customer": {"id": "K-881", "type": "BUSINESS", "strategic": false, "relationshipYears": 6, "previousDisputes12m": 0},
             "invoices": [{"number": "F-1001", "issuedOn": "2026-11-01", "dueOn": "2026-12-31", "amount": 12500.00,
                           "currency": "EUR", "status": "OPEN"}]}
            """;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String body, String key, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSharedExampleGetsItsPlanWithRemindersAndAFrenchRationale() throws Exception {
        HttpResponse<String> response = post("/api/v1/prevention/plans", EXAMPLE, "local-decider-key", "fr-FR,fr;q=0.9");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("asOf").asString()).isEqualTo("2026-12-01");
        assertThat(body.path("ruleset").path("hash").asString()).startsWith("sha256:");
        JsonNode plan = body.path("plans").get(0);
        assertThat(plan.path("status").asString()).isEqualTo("SCHEDULED");
        // Its tier and reminders (HIGH; an e-mail on the 16th, a call on Christmas Eve) are the analysts' policy,
        // pinned in scenarios/prevention.xlsx, « L'exemple partagé »; here, how the answer is written.
        assertThat(plan.path("riskTier").isString()).isTrue();
        assertThat(plan.path("reminders")).isNotEmpty().allSatisfy(reminder -> {
            assertThat(reminder.path("on").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(reminder.path("channel").isString()).isTrue();
            assertThat(reminder.path("template").isString()).isTrue();
        });
        assertThat(plan.path("rationale").asString()).contains("F-1001").contains("échéance");
        assertThat(plan.path("trace").findValuesAsString("source")).contains("decision-tables/prevention.xlsx");
        assertThat(plan.path("trace").findValuesAsString("sheet")).contains("Calendrier", "Relances par niveau");
    }

    @Test
    void aBadFieldIsA400NamingItsJsonPath() throws Exception {
        HttpResponse<String> response = post("/api/v1/prevention/plans", EXAMPLE.replace("\"amount\": 12500.00", "\"amount\": -1"),
                "local-decider-key", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("invoices[0].amount");
    }

    @Test
    void moreThan500InvoicesIsA400OnTheInvoices() throws Exception {
        StringBuilder invoices = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            invoices.append(i == 0 ? "" : ",").append("{\"number\": \"F-").append(i)
                    .append("\", \"dueOn\": \"2027-01-15\", \"amount\": 100, \"currency\": \"EUR\", \"status\": \"OPEN\"}");
        }
        String body = "{\"asOf\": \"2026-12-01\", \"customer\": {\"id\": \"K-1\", \"type\": \"BUSINESS\"}, \"invoices\": [" + invoices + "]}";

        HttpResponse<String> response = post("/api/v1/prevention/plans", body, "local-decider-key", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("invoices");
    }

    @Test
    void aBatchAnswersEachPortfolioAndOneBadPortfolioNeverFailsTheOthers() throws Exception {
        String batch = "{\"portfolios\": [" + EXAMPLE + ", " + EXAMPLE.replace("\"asOf\": \"2026-12-01\",", "")
                + ", 42, " + EXAMPLE.replace("\"status\": \"OPEN\"", "\"status\": \"LOST\"") + "]}";

        HttpResponse<String> response = post("/api/v1/prevention/plans/batch", batch, "local-decider-key", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).path("results");
        assertThat(results).hasSize(4);
        JsonNode alone = JSON.readTree(post("/api/v1/prevention/plans", EXAMPLE, "local-decider-key", "en").body());
        assertThat(results.get(0).path("portfolio").path("plans")).as("the same plans as the portfolio sent alone").isEqualTo(alone.path("plans"));
        assertThat(results.get(1).path("error").path("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).path("error").path("errors").get(0).path("field").asString()).isEqualTo("asOf");
        assertThat(results.get(2).path("error").path("status").asInt()).isEqualTo(400);
        assertThat(results.get(3).path("error").path("errors").get(0).path("field").asString()).isEqualTo("invoices[0].status");
    }

    @Test
    void aBatchWithoutPortfoliosIsA400AndACallerWithoutKeyIsRefused() throws Exception {
        HttpResponse<String> empty = post("/api/v1/prevention/plans/batch", "{\"portfolios\": []}", "local-decider-key", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).path("errors").get(0).path("field").asString()).isEqualTo("portfolios");

        assertThat(post("/api/v1/prevention/plans", EXAMPLE, null, null).statusCode()).isEqualTo(401);
    }
}
