package fr.litiges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Thousands of random and mutated requests against the running service: every answer is a 2xx
 * or a 4xx, never a 5xx, and the service still decides the contract example correctly afterwards.
 * Each test draws from its own fixed seed, so a failure names a body that can be replayed; set
 * {@code -Dfuzz.seed=N} to explore other inputs.
 */
class FuzzedRequestsTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final List<String> ODD_VALUES = List.of("null", "true", "-1", "0", "1e999999", "-1e-999999", "9e2147483647", "1E+2147483647",
            "123456789012345678901234567890123456789012345678901234567890",
            "\"\"", "[]", "{}", "\"ALIEN\"", "\"2026-02-30\"", "\"9999-99-99\"", "1.5", "-0.001", "\"\\u0000\"",
            "\"𝄞é\u202e\"", "NaN", "Infinity", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
    private static final String JSON_CHARS = "{}[]\":,0123456789.-eE truefalsnul\\";

    /** A rules repository of this test's own, not the working directory's var/. */
    private static final String REPOSITORY = System.getProperty("java.io.tmpdir") + "/litiges-fuzz-" + ProcessHandle.current().pid() + ".git";
    private static ConfigurableApplicationContext app;
    private static int port;
    private static String example;
    /** The contract example's answer before the fuzzing, without the fields that differ on every call. */
    private static String before;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        app = new SpringApplicationBuilder(DecisionServiceApplication.class)
                // command-line arguments: they win over application.yml, where defaults (properties()) would not
                .run("--server.port=0", "--litiges.ruleset.watch=false", "--logging.level.root=ERROR",
                        "--litiges.rulesets.repository=" + REPOSITORY);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        try (InputStream in = FuzzedRequestsTest.class.getResourceAsStream("/decision/contract-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // printed so that a failure in a CI log can be replayed with -Dfuzz.seed
        System.out.println("FuzzedRequestsTest: fuzz.seed=" + SEED);
        HttpResponse<String> first = post("/api/v1/decisions", example);
        assertThat(first.statusCode()).isEqualTo(200);
        before = comparable(first.body());
    }

    /** The decision less its id and time, which are new on every call. */
    private static String comparable(String decision) {
        return decision.replaceFirst("\"decisionId\":\"[^\"]*\"", "").replaceFirst("\"evaluatedAt\":\"[^\"]*\"", "");
    }

    @AfterAll
    static void stillDecidesCorrectlyThenStop() throws Exception {
        try {
            HttpResponse<String> response = post("/api/v1/decisions", example);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(comparable(response.body())).as("the same answer as before the fuzzing").isEqualTo(before);
            assertThat(SENT.get()).isGreaterThanOrEqualTo(3_000);
        } finally {
            app.close();
        }
    }

    @Test
    void aMutatedComplaintIsNeverAServerError() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 1_500; i++) {
            String body = mutatedComplaint(random);
            assertNoServerError(post("/api/v1/decisions", body), body);
        }
    }

    @Test
    void aMutatedBatchIsNeverAServerError() throws Exception {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 1_000; i++) {
            String body = "{\"complaints\": [" + mutatedComplaint(random) + "," + example + "," + mutatedComplaint(random) + "]}";
            assertNoServerError(post("/api/v1/decisions/batch", body), body);
        }
    }

    @Test
    void randomTextIsNeverAServerError() throws Exception {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 700; i++) {
            String body = junk(random);
            assertNoServerError(post("/api/v1/decisions", body), body);
            assertNoServerError(post("/api/v1/decisions/validate", body), body);
        }
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        SENT.incrementAndGet();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", "local-admin-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoServerError(HttpResponse<String> response, String body) {
        assertThat(response.statusCode())
                .as("status for body %s (fuzz.seed=%d)", body.length() > 400 ? body.substring(0, 400) + "…" : body, SEED)
                .isBetween(200, 499);
    }

    private static String junk(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> randomString(random, random.nextInt(301), null);
            case 1 -> randomString(random, random.nextInt(201), JSON_CHARS);
            case 2 -> {
                int depth = 1 + random.nextInt(3_000);
                yield "[".repeat(depth) + "]".repeat(depth);
            }
            default -> {
                int depth = 1 + random.nextInt(3_000);
                yield "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            }
        };
    }

    /** Any code point from the BMP and beyond, or only the given characters. */
    private static String randomString(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (alphabet != null) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            } else {
                int codePoint = random.nextInt(10) == 0 ? random.nextInt(Character.MAX_CODE_POINT + 1) : random.nextInt(0x3000);
                if (Character.isValidCodePoint(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    text.appendCodePoint(codePoint);
                }
            }
        }
        return text.toString();
    }

    /** The contract example with one value replaced, a stretch removed, something inserted, or cut short. */
    private static String mutatedComplaint(Random random) {
        String replacement = switch (random.nextInt(4)) {
            case 0 -> ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
            case 1 -> "\"" + randomString(random, random.nextInt(41), null).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 2 -> "\"" + "x".repeat(20_000 + random.nextInt(5_001)) + "\"";
            default -> BigDecimal.valueOf(random.nextLong(), 4).toString();
        };
        int position = random.nextInt(2_001);
        String json = example;
        int at = Math.min(position, json.length() - 1);
        return switch (random.nextInt(4)) {
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
