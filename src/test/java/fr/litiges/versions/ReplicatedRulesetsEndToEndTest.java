package fr.litiges.versions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.DecisionServiceApplication;
import fr.litiges.ruleset.RulesetSource;
import fr.litiges.testing.AnalystWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service in this JVM, on ephemeral ports, sharing one bare rules
 * repository: an analyst's change goes from upload to every replica and back, two publishes
 * race, and a restart falls back past a version that no longer passes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedRulesetsEndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "local-admin-key";
    /*
     * A word no example of the second reader holds: it has no opinion of the text, so the decision is the words' own,
     * NEEDS_REVIEW before the analyst's rows and a service after, whatever examples the reader learns from.
     */
    private static final String SABOTAGE = """
            {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"},
             "text": "Saboté !"}
            """;

    @TempDir
    static Path dir;
    static Path repository;
    static AnalystWorkspace workspace;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static String seeded;
    static String published;
    static byte[] uploadedCauses;
    static String uncompiled;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoReplicas() {
        repository = dir.resolve("rulesets.git");
        workspace = AnalystWorkspace.copyOfShippedRules(dir.resolve("first"));
        // the first instance keeps the local default: its folders are the working copy
        first = start(workspace.root(), true);
        second = start(dir.resolve("second-has-no-folders"), false);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start(Path folders, boolean followFolders) {
        return new SpringApplicationBuilder(DecisionServiceApplication.class).run(
                "--server.port=0",
                "--litiges.rulesets.repository=" + repository,
                "--litiges.rulesets.poll=1s",
                "--litiges.rulesets.follow-folders=" + followFolders,
                "--litiges.ruleset.watch=false",
                "--litiges.ruleset.rules-dir=" + folders.resolve("rules"),
                "--litiges.ruleset.tables-dir=" + folders.resolve("decision-tables"),
                "--litiges.scenarios.dir=" + folders.resolve("scenarios"));
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("X-API-Key", ADMIN).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(ConfigurableApplicationContext instance, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base(instance) + path)));
    }

    private HttpResponse<byte[]> postJson(ConfigurableApplicationContext instance, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base(instance) + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> upload(ConfigurableApplicationContext instance, Map<String, byte[]> files) throws Exception {
        String boundary = "----litiges" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base(instance) + "/api/v1/rulesets/candidates"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
    }

    private String servedVersion(ConfigurableApplicationContext instance) throws Exception {
        return json(get(instance, "/api/v1/ruleset")).get("version").asString();
    }

    /**
     * Waits, reading its active ruleset, for a replica to serve the version; the contract allows 30 s.
     * Polling with a deadline because no event exists to await: a replica learns of a version from its
     * own timer reading the repository, and what the contract promises is what GET /api/v1/ruleset serves.
     */
    private void awaitServed(ConfigurableApplicationContext instance, String version) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!version.equals(servedVersion(instance)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(servedVersion(instance)).isEqualTo(version);
    }

    private static byte[] editedCopy(String table, java.util.function.Consumer<org.apache.poi.ss.usermodel.Workbook> edit) throws IOException {
        Path copy = dir.resolve("edits").resolve(table);
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of("decision-tables", table), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AnalystWorkspace.editWorkbook(copy, edit);
        return Files.readAllBytes(copy);
    }

    private static byte[] sabotageCue() throws IOException {
        return editedCopy("causes.xlsx", workbook -> {
            AnalystWorkspace.appendRow(workbook.getSheet("Concepts"), "SABOTAGE", "fr", "saboter");
            AnalystWorkspace.appendRow(workbook.getSheet("Motifs de texte"), "UNSATISFACTORY_SERVICE", "SABOTAGE", null, null, 1, "oui", 1);
        });
    }

    @Test
    @Order(1)
    void bothReplicasStartOnTheSeededVersionAndAreReady() throws Exception {
        seeded = json(get(first, "/api/v1/rulesets")).get("versions").get(0).get("version").asString();
        assertThat(servedVersion(first)).isEqualTo(seeded);
        assertThat(servedVersion(second)).isEqualTo(seeded);
        HttpResponse<byte[]> readiness = http.send(HttpRequest.newBuilder(URI.create(base(second) + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void aBrokenUploadIsRefusedWithWhereItBreaksAndChangesNothing() throws Exception {
        HttpResponse<byte[]> broken = upload(first, Map.of("rules/broken.drl",
                "package fr.litiges.rules;\nrule \"x\" when Invoice( amount > ) then end\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(broken.statusCode()).isEqualTo(201);
        JsonNode refused = json(broken);
        uncompiled = refused.get("id").asString();
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("baseVersion").asString()).isEqualTo(seeded);
        assertThat(refused.get("errors").get(0).get("source").asString()).isEqualTo("rules/broken.drl");
        assertThat(refused.get("errors").get(0).get("line").asInt()).isEqualTo(2);

        // the department the shipped table gives, read now, so the test holds whatever the analysts route it to
        String[] shipped = new String[2];
        byte[] quality = editedCopy("routing.xlsx", workbook -> {
            var department = AnalystWorkspace.rowStartingWith(workbook.getSheet("Services"), "NON_CONFORMING_DELIVERY").getCell(1);
            shipped[0] = department.getStringCellValue();
            shipped[1] = shipped[0].equals("QUALITY") ? "BILLING" : "QUALITY";
            department.setCellValue(shipped[1]);
        });
        JsonNode failing = json(upload(first, Map.of("decision-tables/routing.xlsx", quality)));
        assertThat(failing.get("status").asString()).isEqualTo("REFUSED");
        assertThat(failing.get("errors").isEmpty()).isTrue();
        // the complaints' book fails (and the prevention book, whose owners come from the same routing table)
        JsonNode failed = null;
        for (JsonNode each : failing.get("scenarios").get("failed")) {
            if (failed == null && each.get("source").asString().equals("scenarios/politique-par-defaut.xlsx")) {
                failed = each;
            }
        }
        assertThat(failed).as(failing.toString()).isNotNull();
        assertThat(failed.get("sheet").asString()).isEqualTo("Causes");
        assertThat(failed.get("row").asInt()).isPositive();
        assertThat(failed.get("message").asString()).contains("attendu " + shipped[0] + ", obtenu " + shipped[1]);
        assertThat(failing.get("changes").get(0).get("path").asString()).isEqualTo("decision-tables/routing.xlsx");

        HttpResponse<byte[]> publish = postJson(first, "/api/v1/rulesets/candidates/" + failing.get("id").asString() + "/publish",
                "{\"message\": \"should not go live\"}");
        assertThat(publish.statusCode()).isEqualTo(409);
        assertThat(publish.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(servedVersion(first)).isEqualTo(seeded);
    }

    @Test
    @Order(3)
    void ofTwoReadyCandidatesOnTheSameBaseTheFirstPublishedWinsAndTheOtherIs409() throws Exception {
        byte[] causes = sabotageCue();
        uploadedCauses = causes;
        JsonNode onFirst = json(upload(first, Map.of("decision-tables/causes.xlsx", causes)));
        JsonNode onSecond = json(upload(second, Map.of("decision-tables/causes.xlsx", causes)));
        assertThat(onFirst.get("status").asString()).as(onFirst.toString()).isEqualTo("READY");
        assertThat(onSecond.get("status").asString()).isEqualTo("READY");
        assertThat(onFirst.get("scenarios").get("run").asInt()).isEqualTo(onFirst.get("scenarios").get("passed").asInt()).isPositive();
        assertThat(json(get(first, "/api/v1/rulesets/candidates/" + onFirst.get("id").asString())).get("status").asString()).isEqualTo("READY");

        // Before publishing: what the change does to real complaints, one of them unreadable.
        String ndjson = SABOTAGE.replace("\n", " ") + "\n{\"complaintId\": \"C-2\", \"receivedOn\": \"2026-11-20\", \"customer\": "
                + "{\"id\": \"K\", \"type\": \"BUSINESS\"}, \"text\": \"Nous n'avons rien reçu\"}\nnot json\n";
        HttpResponse<byte[]> impact = send(HttpRequest.newBuilder(URI.create(base(first) + "/api/v1/rulesets/candidates/"
                + onFirst.get("id").asString() + "/impact")).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
        assertThat(impact.statusCode()).as(new String(impact.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode measured = json(impact);
        assertThat(measured.get("decided").asInt()).isEqualTo(2);
        assertThat(measured.get("failed").asInt()).isEqualTo(1);
        assertThat(measured.get("changed").asInt()).isEqualTo(1);
        assertThat(measured.get("byField").get("subCause").asInt()).isEqualTo(1);
        assertThat(measured.get("examples").get(0).get("complaintId").asString()).isEqualTo("C-1");
        assertThat(send(HttpRequest.newBuilder(URI.create(base(first) + "/api/v1/rulesets/candidates/c-unknown/impact"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"complaints\": []}")))
                .statusCode()).isEqualTo(404);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<byte[]>>> publishes = new ArrayList<>();
        for (Object[] each : List.of(new Object[] {first, onFirst}, new Object[] {second, onSecond})) {
            publishes.add(pool.submit(() -> {
                go.await();
                return postJson((ConfigurableApplicationContext) each[0], "/api/v1/rulesets/candidates/"
                        + ((JsonNode) each[1]).get("id").asString() + "/publish", "{\"message\": \"Le sabotage est un service insatisfaisant\"}");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<byte[]>> publish : publishes) {
            HttpResponse<byte[]> response = publish.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 201) {
                JsonNode version = json(response);
                published = version.get("version").asString();
                assertThat(version.get("active").asBoolean()).isTrue();
                assertThat(version.get("publishedBy").asString()).isEqualTo("local-admin");
                assertThat(version.get("hash").asString()).startsWith("sha256:");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }

    @Test
    @Order(4)
    void thePublishedVersionDecidesOnEveryReplicaAndCanBeDownloadedAndCompared() throws Exception {
        awaitServed(first, published);
        awaitServed(second, published);
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            HttpResponse<byte[]> readiness = get(instance, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as("a replica in step with the repository is ready").isEqualTo(200);
        }
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            JsonNode decision = json(postJson(instance, "/api/v1/decisions", SABOTAGE));
            assertThat(decision.get("ruleset").get("version").asString()).isEqualTo(published);
            assertThat(decision.get("classification").get("subCause").asString()).isEqualTo("UNSATISFACTORY_SERVICE");
        }

        HttpResponse<byte[]> file = get(second, "/api/v1/rulesets/" + published + "/files/decision-tables/causes.xlsx");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(uploadedCauses);
        assertThat(get(second, "/api/v1/rulesets/" + published + "/files/decision-tables/none.xlsx").statusCode()).isEqualTo(404);
        assertThat(Files.readAllBytes(workspace.tables().resolve("causes.xlsx"))).as("the working copy follows").isEqualTo(uploadedCauses);

        JsonNode changes = json(get(first, "/api/v1/rulesets/" + seeded + "/diff/" + published)).get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("path").asString()).isEqualTo("decision-tables/causes.xlsx");
        assertThat(changes.get(0).get("kind").asString()).isEqualTo("MODIFIED");

        JsonNode versions = json(get(second, "/api/v1/rulesets")).get("versions");
        assertThat(versions.get(0).get("version").asString()).isEqualTo(published);
        assertThat(versions.get(0).get("active").asBoolean()).isTrue();
        assertThat(versions.get(0).get("message").asString()).isEqualTo("Le sabotage est un service insatisfaisant");
        assertThat(versions.get(1).get("version").asString()).isEqualTo(seeded);
        assertThat(versions.get(1).get("active").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void aRollbackOnOneReplicaReachesTheOther() throws Exception {
        HttpResponse<byte[]> rollback = postJson(second, "/api/v1/rulesets/" + seeded + "/activate", "");
        assertThat(rollback.statusCode()).as(new String(rollback.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(rollback).get("version").asString()).isEqualTo(seeded);
        awaitServed(first, seeded);
        JsonNode decision = json(postJson(first, "/api/v1/decisions", SABOTAGE));
        assertThat(decision.get("ruleset").get("version").asString()).isEqualTo(seeded);
        assertThat(decision.get("classification").get("subCause").asString()).isNotEqualTo("UNSATISFACTORY_SERVICE");

        HttpResponse<byte[]> unknown = postJson(first, "/api/v1/rulesets/" + "0".repeat(40) + "/activate", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @Order(6)
    void aRestartFallsBackPastAnActiveVersionThatNoLongerPasses() throws Exception {
        String broken;
        try (GitRulesetStore store = GitRulesetStore.open(repository.toString(), dir.resolve("unused"), null, null)) {
            // as if the version had been written by hand or passed on an older release: it does not compile here
            RulesetSource bad = store.read(seeded).orElseThrow().with(Map.of("rules/broken.drl",
                    "package fr.litiges.rules;\nrule \"x\" when Invoice( amount > ) then end\n".getBytes(StandardCharsets.UTF_8)), List.of());
            broken = store.write(bad, "someone", "bypassed the gate", Instant.now(), seeded);
            store.activate(broken, seeded);
        }
        ConfigurableApplicationContext third = start(dir.resolve("third-has-no-folders"), false);
        try {
            JsonNode ruleset = json(get(third, "/api/v1/ruleset"));
            assertThat(ruleset.get("version").asString()).isEqualTo(published);
            assertThat(ruleset.get("lastReload").get("fallback").asString()).contains(broken, published);
            // the running replicas refused it too and kept serving what they served
            assertThat(servedVersion(first)).isEqualTo(seeded);
            assertThat(servedVersion(second)).isEqualTo(seeded);
        } finally {
            third.close();
        }
    }

    @Test
    @Order(7)
    void aDeliberateDurationChangeRefusedByItsScenariosIsAcceptedIntoANewCandidateAndPublished() throws Exception {
        // back on a version that passes (the repository's active one is the broken version of the previous test)
        assertThat(postJson(first, "/api/v1/rulesets/" + seeded + "/activate", "").statusCode()).isEqualTo(200);
        byte[] longer = editedCopy("resolution.xlsx", workbook -> {
            org.apache.poi.ss.usermodel.Row amicable = AnalystWorkspace.rowStartingWith(workbook.getSheet("Canaux"), "AMICABLE_SETTLEMENT");
            amicable.getCell(1).setCellValue(amicable.getCell(1).getNumericCellValue() + 5);
        });
        HttpResponse<byte[]> backup = upload(first, Map.of("decision-tables/resolution - Copie.xlsx", longer));
        assertThat(backup.statusCode()).isEqualTo(400);
        assertThat(json(backup).get("errors").get(0).get("message").asString()).contains("backup or copy", "decision-tables/resolution.xlsx");
        JsonNode uploaded = json(upload(first, Map.of("decision-tables/resolution.xlsx", longer)));
        String refusedId = uploaded.get("id").asString();
        assertThat(uploaded.get("status").asString()).isEqualTo("REFUSED");
        assertThat(uploaded.get("errors").isEmpty()).isTrue();
        JsonNode firstFailure = uploaded.get("scenarios").get("failed").get(0);
        assertThat(firstFailure.get("message").asString()).contains("attendu", "obtenu");
        assertThat(firstFailure.get("name").isNull()).as("the failure names its scenario").isFalse();
        JsonNode inEnglish = json(send(HttpRequest.newBuilder(URI.create(base(first) + "/api/v1/rulesets/candidates/" + refusedId))
                .header("Accept-Language", "en")));
        assertThat(inEnglish.get("scenarios").get("failed").get(0).get("message").asString()).contains("expected", "actual");

        HttpResponse<byte[]> accepting = postJson(first, "/api/v1/rulesets/candidates/" + refusedId + "/accept", "");
        assertThat(accepting.statusCode()).as(new String(accepting.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode accepted = json(accepting);
        JsonNode candidate = accepted.get("candidate");
        assertThat(accepted.get("acceptedFrom").asString()).isEqualTo(refusedId);
        assertThat(accepting.headers().firstValue("Location")).contains("/api/v1/rulesets/candidates/" + candidate.get("id").asString());
        assertThat(candidate.get("status").asString()).as(candidate.toString()).isEqualTo("READY");
        assertThat(candidate.get("baseVersion").asString()).isEqualTo(seeded);
        List<String> changedPaths = new ArrayList<>();
        candidate.get("changes").forEach(change -> changedPaths.add(change.get("path").asString()));
        assertThat(changedPaths).contains("decision-tables/resolution.xlsx", "scenarios/politique-par-defaut.xlsx");
        assertThat(accepted.get("accepted").isEmpty()).isFalse();
        boolean fiveDaysLonger = false;
        for (JsonNode change : accepted.get("accepted")) {
            assertThat(change.get("book").asString()).isEqualTo("scenarios/politique-par-defaut.xlsx");
            assertThat(change.get("cell").asString()).endsWith(String.valueOf(change.get("row").asInt()));
            assertThat(change.get("after").asString()).isNotEqualTo(change.get("before").asString());
            if (change.get("column").asString().startsWith("Délai de résolution attendu")) {
                fiveDaysLonger |= Integer.parseInt(change.get("after").asString()) == Integer.parseInt(change.get("before").asString()) + 5;
            }
        }
        assertThat(fiveDaysLonger).as(accepted.get("accepted").toString()).isTrue();
        // the rewritten book can be opened before publishing; the analyst's upload is left as it was
        HttpResponse<byte[]> rewritten = get(first, "/api/v1/rulesets/candidates/" + candidate.get("id").asString()
                + "/files/scenarios/politique-par-defaut.xlsx");
        assertThat(rewritten.statusCode()).isEqualTo(200);
        assertThat(rewritten.body()).isNotEqualTo(Files.readAllBytes(Path.of("scenarios/politique-par-defaut.xlsx")));
        assertThat(get(first, "/api/v1/rulesets/candidates/" + refusedId + "/files/scenarios/politique-par-defaut.xlsx").body())
                .isEqualTo(Files.readAllBytes(Path.of("scenarios/politique-par-defaut.xlsx")));
        assertThat(json(get(first, "/api/v1/rulesets/candidates/" + refusedId)).get("status").asString()).isEqualTo("REFUSED");

        HttpResponse<byte[]> again = postJson(first, "/api/v1/rulesets/candidates/" + candidate.get("id").asString() + "/accept", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(again).get("type").asString()).endsWith("/nothing-to-accept");
        HttpResponse<byte[]> broken = postJson(first, "/api/v1/rulesets/candidates/" + uncompiled + "/accept", "");
        assertThat(broken.statusCode()).isEqualTo(409);
        assertThat(json(broken).get("type").asString()).endsWith("/candidate-does-not-compile");
        assertThat(postJson(first, "/api/v1/rulesets/candidates/c-unknown/accept", "").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> publish = postJson(first, "/api/v1/rulesets/candidates/" + candidate.get("id").asString() + "/publish",
                "{\"message\": \"Transaction amiable : 5 jours de plus, scénarios acceptés\"}");
        assertThat(publish.statusCode()).as(new String(publish.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        String version = json(publish).get("version").asString();
        assertThat(servedVersion(first)).isEqualTo(version);
        assertThat(get(first, "/api/v1/rulesets/" + version + "/files/scenarios/politique-par-defaut.xlsx").body())
                .isNotEqualTo(Files.readAllBytes(Path.of("scenarios/politique-par-defaut.xlsx")));
    }
}
