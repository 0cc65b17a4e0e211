package fr.litiges;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.litiges.decision.DecisionAudit;
import fr.litiges.decision.api.Decision;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaint text, customer names, amounts and keys never reach the logs at INFO or above, as plain
 * lines or as the JSON lines of structured logging (logging.structured.format.console=ecs); the
 * audit trail holds codes only.
 */
// A generous decision time budget: a cold first decision on a busy build machine may pass the production 1 s.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"litiges.ruleset.watch=false", "litiges.decision.time-budget=1m"})
@Import(NoCustomerDataInLogsTest.LogProbe.class)
class NoCustomerDataInLogsTest {
    private static final String SECRET_WORDS = "Zorglub-Quincaillerie-Secret";
    private static final String AMOUNT = "98765.43";

    @LocalServerPort
    int port;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ByteArrayOutputStream jsonOutput = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> jsonLogs = new OutputStreamAppender<>();
    private Level testLevel;

    /** Production logs at INFO: so does this test, whatever the quieter test configuration says. */
    @BeforeEach
    void capture() {
        testLevel = root.getLevel();
        root.setLevel(Level.INFO);
        logs.start();
        root.addAppender(logs);
        // The encoder Spring Boot puts on the console when logging.structured.format.console=ecs.
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(root.getLoggerContext());
        encoder.setFormat("ecs");
        encoder.start();
        jsonLogs.setContext(root.getLoggerContext());
        jsonLogs.setEncoder(encoder);
        jsonLogs.setOutputStream(jsonOutput);
        jsonLogs.start();
        root.addAppender(jsonLogs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        root.detachAppender(jsonLogs);
        jsonLogs.stop();
        root.setLevel(testLevel);
    }

    private HttpResponse<String> post(String path, String body, String key, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> jsonLines() {
        return jsonOutput.toString(StandardCharsets.UTF_8).lines().map(line -> JsonMapper.builder().build().readTree(line)).toList();
    }

    @Test
    void decisionsAndErrorsLogNoCustomerDataNorKeys() throws Exception {
        String example;
        try (InputStream in = getClass().getResourceAsStream("/decision/contract-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String personal = example.replace("Bonjour, nous avons", "Bonjour " + SECRET_WORDS + ", nous avons")
                .replace("\"K-881\"", "\"" + SECRET_WORDS + "\"").replace("\"disputedAmount\": 12500.00", "\"disputedAmount\": " + AMOUNT);

        assertThat(post("/api/v1/decisions", personal, "local-admin-key").statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/decisions", personal.replace("\"BUSINESS\"", "\"" + SECRET_WORDS + "\""), "local-admin-key").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/decisions", "{\"text\": \"" + SECRET_WORDS + "\" oops", "local-admin-key").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/decisions", personal, "wrong-" + SECRET_WORDS).statusCode()).isEqualTo(401);

        List<String> logged = logs.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
                .toList();
        assertThat(logged).noneMatch(line -> line.contains(SECRET_WORDS) || line.contains(AMOUNT)
                || line.contains("local-admin-key") || line.contains("facturés"));
        assertThat(jsonLines()).isNotEmpty().allSatisfy(json -> assertThat(json.toString())
                .doesNotContain(SECRET_WORDS, AMOUNT, "local-admin-key", "facturés"));
    }

    @Test
    void jsonLinesLoggedDuringARequestCarryItsRequestIdAndTheCallersKeyName() throws Exception {
        HttpResponse<String> logged = post(LogProbe.PATH, "{}", "local-admin-key", "X-Request-Id", "ops-json-1");
        assertThat(logged.statusCode()).isEqualTo(200);
        assertThat(logged.headers().firstValue("X-Request-Id")).contains("ops-json-1");

        assertThat(jsonLines()).filteredOn(json -> json.path("message").asString("").equals(LogProbe.MESSAGE))
                .singleElement().satisfies(json -> {
                    assertThat(json.path("requestId").asString("")).isEqualTo("ops-json-1");
                    assertThat(json.path("client").asString("")).isEqualTo("local-admin");
                    assertThat(json.path("log").path("level").asString("")).isEqualTo("INFO");
                    assertThat(json.path("@timestamp").isMissingNode()).isFalse();
                });
    }

    /** An endpoint of this test only, that logs one line while it serves a request, as any code of the service may. */
    @RestController
    static class LogProbe {
        static final String PATH = "/test/log-probe";
        static final String MESSAGE = "a line logged while serving a request";

        @PostMapping(PATH)
        String log() {
            LoggerFactory.getLogger(LogProbe.class).info(MESSAGE);
            return "logged";
        }
    }

    @Test
    void theAuditTrailHoldsIdentifiersAndCodesOnly() throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger auditLogger = (Logger) LoggerFactory.getLogger("litiges.audit");
        auditLogger.addAppender(audit);
        Decision decision;
        try {
            decision = JsonMapper.builder().build().readValue(
                    post("/api/v1/decisions", new String(getClass().getResourceAsStream("/decision/contract-example.json").readAllBytes(),
                            StandardCharsets.UTF_8), "local-admin-key").body(), Decision.class);
            new DecisionAudit(true).record(decision, 1_234_000);
        } finally {
            auditLogger.detachAppender(audit);
        }
        assertThat(audit.list).singleElement().satisfies(event -> {
            String line = event.getFormattedMessage();
            assertThat(line).startsWith("{").contains("\"complaintId\":\"CRM-2026-000123\"",
                    "\"subCause\":\"" + decision.classification().subCause() + "\"",
                    "\"rulesetHash\":\"sha256:", "\"durationMicros\":1234");
            assertThat(line).doesNotContain("facturés", "12500", "K-881");
        });
    }
}
