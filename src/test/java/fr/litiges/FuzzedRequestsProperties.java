package fr.litiges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Thousands of random and mutated requests against the running service: every answer is a 2xx
 * or a 4xx, never a 5xx, and the service still decides the contract example correctly afterwards.
 */
class FuzzedRequestsProperties {
    private static ConfigurableApplicationContext app;
    private static int port;
    private static String example;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SENT = new AtomicInteger();

    @BeforeContainer
    static void start() throws IOException {
        app = new SpringApplicationBuilder(DecisionServiceApplication.class)
                .properties("server.port=0", "litiges.ruleset.watch=false", "logging.level.root=ERROR")
                .run();
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        try (InputStream in = FuzzedRequestsProperties.class.getResourceAsStream("/decision/contract-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterContainer
    static void stillDecidesCorrectlyThenStop() throws Exception {
        try {
            HttpResponse<String> response = post("/api/v1/decisions", example);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"financingCost\":146.58", "\"subCause\":\"DUPLICATE_INVOICE\"");
            assertThat(SENT.get()).isGreaterThanOrEqualTo(3_000);
        } finally {
            app.close();
        }
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        SENT.incrementAndGet();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", "local-admin-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Property(tries = 1_500)
    void aMutatedComplaintIsNeverAServerError(@ForAll("mutatedComplaints") String body) throws Exception {
        assertNoServerError(post("/api/v1/decisions", body), body);
    }

    @Property(tries = 1_000)
    void aMutatedBatchIsNeverAServerError(@ForAll("mutatedComplaints") String first, @ForAll("mutatedComplaints") String second)
            throws Exception {
        String body = "{\"complaints\": [" + first + "," + example + "," + second + "]}";
        assertNoServerError(post("/api/v1/decisions/batch", body), body);
    }

    @Property(tries = 700)
    void randomTextIsNeverAServerError(@ForAll("junk") String body) throws Exception {
        assertNoServerError(post("/api/v1/decisions", body), body);
        assertNoServerError(post("/api/v1/decisions/validate", body), body);
    }

    private static void assertNoServerError(HttpResponse<String> response, String body) {
        assertThat(response.statusCode())
                .as("status for body %s", body.length() > 400 ? body.substring(0, 400) + "…" : body)
                .isBetween(200, 499);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsnul\\").ofMaxLength(200),
                Arbitraries.integers().between(1, 3_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 3_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
    }

    /** The contract example with one or two values replaced, removed or broken. */
    @Provide
    Arbitrary<String> mutatedComplaints() {
        Arbitrary<String> replacement = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "-1", "0", "1e999999", "-1e-999999", "123456789012345678901234567890123456789012345678901234567890",
                        "\"\"", "[]", "{}", "\"ALIEN\"", "\"2026-02-30\"", "\"9999-99-99\"", "1.5", "-0.001", "\"\\u0000\"",
                        "\"𝄞é\u202e\"", "NaN", "Infinity", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.integers().between(20_000, 25_000).map(n -> "\"" + "x".repeat(n) + "\""),
                Arbitraries.bigDecimals().ofScale(4).map(Object::toString));
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 2_000);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        return Combinators.combine(position, kind, replacement).as(FuzzedRequestsProperties::mutate);
    }

    private static String mutate(int position, int kind, String replacement) {
        String json = example;
        int at = Math.min(position, json.length() - 1);
        return switch (kind) {
            case 0 -> replaceValueAfter(json, at, replacement);
            case 1 -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 1 + position % 17));
            case 2 -> json.substring(0, at) + replacement + json.substring(at);
            default -> json.substring(0, at);
        };
    }

    /** Replaces the JSON value that follows the first ':' at or after the position. */
    private static String replaceValueAfter(String json, int at, String replacement) {
        int colon = json.indexOf(':', at);
        if (colon < 0) {
            return json;
        }
        int start = colon + 1;
        int end = start;
        int depth = 0;
        boolean inString = false;
        while (end < json.length()) {
            char c = json.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            end++;
        }
        return json.substring(0, start) + " " + replacement + json.substring(end);
    }
}
