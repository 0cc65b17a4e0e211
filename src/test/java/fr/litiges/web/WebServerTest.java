package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetReloader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;

/**
 * The web layer in the real application on a real Tomcat: a body really sent chunked, the actuator,
 * and the OpenAPI UI. The ruleset and the decisions are mocked (no rules are compiled).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebServerTest {
    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @MockitoBean
    ActiveRuleset activeRuleset;

    @MockitoBean
    RulesetReloader rulesetReloader;

    @MockitoBean
    DecisionService decisionService;

    /** No start-up activation: the ruleset is mocked. */
    @MockitoBean
    fr.litiges.versions.RulesetVersions rulesetVersions;

    // HTTP/1.1, where a body of unknown length is sent with Transfer-Encoding: chunked
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void mocks() {
        var ruleset = TestData.ruleset();
        when(activeRuleset.current()).thenReturn(ruleset);
        when(decisionService.decide(any(Complaint.class), anyString()))
                .thenAnswer(call -> TestData.decision(call.<Complaint>getArgument(0).complaintId()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", LocalApiKey.ADMIN);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void chunkedBodyOver1MiBIs413() throws Exception {
        byte[] body = TestData.json(TestData.with("/text", "\"" + "x".repeat(2 * MIB) + "\"")).getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length: the client sends Transfer-Encoding: chunked
        HttpResponse<String> response = send(request("/api/v1/decisions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode problem = TestData.JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/payload-too-large");
        assertThat(problem.get("detail").asString()).contains("1 MiB");
    }

    @Test
    void bodyOver1MiBByContentLengthIs413() throws Exception {
        byte[] body = TestData.json(TestData.with("/text", "\"" + "x".repeat(MIB) + "\"")).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/api/v1/decisions/validate")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void decidesTheContractExample() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/decisions")
                .header("Content-Type", "application/json")
                .header("Accept-Language", "fr-FR,fr;q=0.9")
                .POST(BodyPublishers.ofString(TestData.exampleJson())));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/json");
        assertThat(TestData.JSON.readTree(response.body()).get("complaintId").asString()).isEqualTo("CRM-2026-000123");
    }

    /** A request written byte for byte, as no HTTP client would send it: status line and headers of the answer. */
    private String raw(String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = requestLine + "\r\nHost: localhost\r\nX-API-Key: " + LocalApiKey.DECIDER
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "POST //api/v1/decisions HTTP/1.1",
            "POST /api/v1/decisions;x=1 HTTP/1.1",
            "POST /api/v1/x/%2e%2e/decisions HTTP/1.1",
            "POST /api/v1/x/../decisions HTTP/1.1",
            "POST /api/v1%2Fdecisions HTTP/1.1",
            "POST /api/v1%5Cdecisions HTTP/1.1",
            "POST /api/v1/decisions%zz HTTP/1.1",
            "POST /api/v1/decisions%00 HTTP/1.1",
            "GET /api/v1/\u00e9 HTTP/1.1",
            "POST /api/v1/decisions HTTP/1.1 extra",
            "POST /api/v1/de{cisions HTTP/1.1",
            "TRACE /api/v1/decisions HTTP/1.1",
            "PUT /api/v1/decisions HTTP/1.1",
            "DELETE /api/v1/decisions/batch HTTP/1.1",
            "GET /error HTTP/1.1"})
    void pathTricksOddMethodsAndBadRequestsAreProblemJson(String requestLine) throws Exception {
        String answer = raw(requestLine);
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
        String statusLine = head.lines().findFirst().orElse("");
        assertThat(statusLine).as(requestLine).matches("http/1\\.1 (4\\d\\d|5\\d\\d).*");
        assertThat(statusLine).as(requestLine).doesNotStartWith("http/1.1 5");
        assertThat(head).as(requestLine + "\n" + answer).contains("content-type: application/problem+json");
        if (statusLine.startsWith("http/1.1 405")) {
            assertThat(head).as(requestLine).contains("allow: ");
        }
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).as(requestLine).doesNotContain("<html", "Exception", "Tomcat");
    }

    @Test
    void unknownPathIs404ProblemJson() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/unknown").GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(TestData.JSON.readTree(response.body()).get("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void actuatorInfoShowsTheRuleset() throws Exception {
        HttpResponse<String> response = send(request("/actuator/info").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ruleset = TestData.JSON.readTree(response.body()).get("ruleset");
        assertThat(ruleset.get("version").asString()).isEqualTo("2026.11.1");
        assertThat(ruleset.get("hash").asString()).isEqualTo(TestData.ruleset().hash());
        assertThat(ruleset.get("ruleCount").asInt()).as("the sample's three rules").isEqualTo(3);
    }

    @Test
    void openApiDocumentAndUiAreServed() throws Exception {
        HttpResponse<String> docs = send(request("/v3/api-docs").GET());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(TestData.JSON.readTree(docs.body()).at("/paths").propertyNames())
                .contains("/api/v1/decisions", "/api/v1/decisions/validate", "/api/v1/decisions/batch", "/api/v1/ruleset");
        HttpResponse<String> ui = client.send(request("/swagger-ui.html").GET().build(), BodyHandlers.ofString());
        assertThat(ui.statusCode()).isIn(200, 302);
    }
}
