package fr.litiges.web;

import static fr.litiges.web.TestData.exampleJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.ShippedRuleset;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.decision.api.Trace;
import fr.litiges.decision.api.TraceEntryJson;
import fr.litiges.ruleset.ActiveRuleset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision's answer is written from the JSON its trace entries carry: on real decisions of the
 * shipped ruleset (every evaluation complaint, and some with quotes, backslashes, tabs and emoji
 * in the customer's words), the bytes of the answer are exactly those Jackson writes for the same
 * decision field by field, through the service's own mapper and HTTP converter.
 */
@WebMvcTest(DecisionController.class)
@Import({WebConfiguration.class, ComplaintReader.class, LocalApiKey.class})
class DecisionAnswerBytesTest {
    private static final List<Decision> DECISIONS = new ArrayList<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    DecisionService decisionService;

    @BeforeAll
    static void decideTheEvaluationComplaints() throws Exception {
        DecisionService decisions = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(), new DecisionProperties(5000));
        JsonMapper reader = JsonMapper.builder().build();
        List<Path> sets;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/evaluation"))) {
            sets = files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        int awkward = 0;
        for (Path set : sets) {
            for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = reader.readTree(line);
                Complaint complaint = reader.treeToValue(node.get("complaint"), Complaint.class);
                DECISIONS.add(decisions.decide(complaint, node.get("lang").asString()));
                if (awkward++ < 60 && complaint.text() != null) {
                    // JSON's escapes and characters outside the basic plane inside the quoted words
                    Complaint odd = new Complaint(complaint.complaintId(), complaint.receivedOn(), complaint.text().replace(" ", " \"\\😀\t "),
                            complaint.reportedReasons(), complaint.customer(), complaint.invoices(), complaint.order(), complaint.deliveries(),
                            complaint.disputedAmount(), complaint.resolutionAttempts());
                    DECISIONS.add(decisions.decide(odd, "fr"));
                }
            }
        }
    }

    /** The same decision with its trace as a plain list: Jackson writes every entry field by field. */
    private static Decision fieldByField(Decision d) {
        return new Decision(d.decisionId(), d.complaintId(), d.evaluatedAt(), d.ruleset(), d.classification(), d.routing(), d.resolution(),
                d.paymentImpact(), List.copyOf(d.trace()), d.traceTruncated(), d.traceTotal());
    }

    @Test
    void everyAnswerHasTheBytesOfJacksonsFieldByFieldWriting() throws Exception {
        AtomicReference<Decision> next = new AtomicReference<>();
        when(decisionService.decide(any(Complaint.class), anyString())).thenAnswer(call -> next.get());
        int textEntries = 0;
        int quoted = 0;
        for (int i = 0; i < DECISIONS.size(); i++) {
            Decision decision = DECISIONS.get(i);
            assertThat(decision.trace()).isInstanceOf(Trace.class);
            byte[] expected = json.writeValueAsBytes(fieldByField(decision));
            byte[] answer = json.writeValueAsBytes(decision);
            if (i % 10 == 0) {
                // through the whole HTTP layer too (slower), for one decision in ten
                next.set(decision);
                MockHttpServletResponse response = mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                        .content(exampleJson())).andReturn().getResponse();
                answer = response.getContentAsByteArray();
                // sent whole, with its length, rather than chunked
                assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(answer.length));
            }
            assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(answer).isEqualTo(expected);
            textEntries += (int) decision.trace().stream().filter(e -> e.ruleName() != null && e.ruleName().contains(", found in «")).count();
            quoted += (int) decision.trace().stream().filter(e -> e.ruleName() != null && e.ruleName().contains("😀")).count();
        }
        // the set exercises both kinds of entries and the escapes
        assertThat(DECISIONS).hasSizeGreaterThan(900);
        assertThat(textEntries).isGreaterThan(1000);
        assertThat(quoted).isGreaterThan(20);
    }

    @Test
    void theServicesMapperCopiesTheJsonTheEntriesCarry() {
        // Two entries carrying each other's JSON: the answer shows that the carried JSON is what is written.
        Decision.TraceEntry a = DECISIONS.get(0).trace().get(0);
        Decision.TraceEntry b = DECISIONS.get(0).trace().get(1);
        Trace swapped = new Trace(List.of(a, b), List.of(TraceEntryJson.of(b), TraceEntryJson.of(a)));
        assertThat(json.writeValueAsString(swapped)).isEqualTo(json.writeValueAsString(List.of(b, a)));
    }

    @Test
    void aBatchAnswerIsStreamedAsBeforeWithTheSameBytes() throws Exception {
        Decision decision = DECISIONS.stream().max(java.util.Comparator.comparingInt(d -> d.trace().size())).orElseThrow();
        when(decisionService.activeRuleset()).thenReturn(ShippedRuleset.get());
        when(decisionService.decide(any(fr.litiges.ruleset.Ruleset.class), any(Complaint.class), anyString())).thenReturn(decision);
        int items = 1 + WholeAnswerJsonConverter.WHOLE_UP_TO / json.writeValueAsBytes(decision).length;
        String body = "{\"complaints\": [" + String.join(",", java.util.Collections.nCopies(items, exampleJson())) + "]}";
        MockHttpServletResponse response = mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        byte[] expected = json.writeValueAsBytes(new BatchResponse(java.util.Collections.nCopies(items, BatchResponse.Result.of(fieldByField(decision)))));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(expected.length).isGreaterThan(WholeAnswerJsonConverter.WHOLE_UP_TO);
        assertThat(response.getContentAsByteArray()).isEqualTo(expected);
        assertThat(response.getHeader("Content-Length")).isNull();
    }

    @Test
    void aBatchAnswerHasTheSameBytesToo() {
        List<BatchResponse.Result> fast = DECISIONS.stream().limit(300).map(BatchResponse.Result::of).toList();
        List<BatchResponse.Result> slow = DECISIONS.stream().limit(300).map(d -> BatchResponse.Result.of(fieldByField(d))).toList();
        assertThat(json.writeValueAsBytes(new BatchResponse(fast))).isEqualTo(json.writeValueAsBytes(new BatchResponse(slow)));
    }
}
