package fr.litiges.web;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static fr.litiges.web.TestData.example;
import static fr.litiges.web.TestData.json;
import static fr.litiges.web.TestData.noInternals;
import static fr.litiges.web.TestData.with;
import static fr.litiges.web.TestData.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.InvalidComplaintException;
import fr.litiges.decision.api.Complaint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

// Two decision permits whatever the machine, so that a batch decides two items at once in every run.
@WebMvcTest(controllers = DecisionController.class, properties = "litiges.web.decision-permits=2")
@Import({WebConfiguration.class, ComplaintReader.class, LocalApiKey.class})
class BatchTest {
    private static final String BATCH = "/api/v1/decisions/batch";
    private static final long WAIT_SECONDS = 30;

    /** Items named WAIT-n wait for the item named GO-n to start: they can only pass if both run at once. */
    private final java.util.Map<String, CountDownLatch> started = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DecisionService decisionService;

    @Autowired
    BatchGate gate;

    @BeforeEach
    void decideByComplaintId() {
        when(decisionService.decide(any(), any(Complaint.class), anyString())).thenAnswer(call -> {
            String id = call.<Complaint>getArgument(1).complaintId();
            return switch (id) {
                case "MULTI-CURRENCY" -> throw new InvalidComplaintException("disputedAmount", "the invoices not PAID are in several currencies");
                case "RULE-BUG" -> throw new DecisionFailedException("a rule failed: rules/causes.drl, line 12: / by zero", new ArithmeticException());
                case "SURPRISE" -> throw new IllegalStateException("secret internal state");
                case "SHUTDOWN-NOW" -> {
                    gate.stop();
                    latch("GO-SHUTDOWN").countDown();
                    yield TestData.decision(id);
                }
                default -> {
                    if (id.startsWith("GO-")) {
                        latch(id).countDown();
                    } else if (id.startsWith("WAIT-") && !latch("GO-" + id.substring(5)).await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new AssertionError(id + " was never decided alongside GO-" + id.substring(5));
                    }
                    yield TestData.decision(id);
                }
            };
        });
    }

    private CountDownLatch latch(String id) {
        return started.computeIfAbsent(id, k -> new CountDownLatch(1));
    }

    private static ObjectNode complaint(String id) {
        return with("/complaintId", "\"" + id + "\"");
    }

    private static String batchOf(Object... items) {
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            texts.add(item instanceof JsonNode node ? json(node) : item.toString());
        }
        return "{\"complaints\": [" + String.join(",", texts) + "]}";
    }

    private ResultActions postBatch(String body) throws Exception {
        return mvc.perform(post(BATCH).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aBatchBeyondTheConcurrentLimitIs503WithRetryAfterBeforeItsBodyIsRead() throws Exception {
        int taken = 0;
        while (gate.tryEnter()) {
            taken++;
        }
        try {
            postBatch(batchOf(complaint("A")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/service-busy"))
                    .andExpect(jsonPath("$.retryAfterSeconds").value(5));
            verify(decisionService, never()).decide(any(), any(Complaint.class), anyString());
        } finally {
            for (int i = 0; i < taken; i++) {
                gate.leave();
            }
        }
        postBatch(batchOf(complaint("A"))).andExpect(status().isOk());
        postBatch(batchOf(complaint("B"))).andExpect(status().isOk());
    }

    @Test
    void onShutdownARunningBatchStopsDecidingAndTheRestAre503Items() throws Exception {
        try {
            // The first item is still being decided when the second one sees the shutdown: neither of the
            // two deciding threads takes another item.
            postBatch(batchOf(complaint("WAIT-SHUTDOWN"), complaint("SHUTDOWN-NOW"), complaint("C"), complaint("D")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.results[0].decision.complaintId").value("WAIT-SHUTDOWN"))
                    .andExpect(jsonPath("$.results[1].decision.complaintId").value("SHUTDOWN-NOW"))
                    .andExpect(jsonPath("$.results[2].error.status").value(503))
                    .andExpect(jsonPath("$.results[3].error.type").value("/problems/service-busy"));
            postBatch(batchOf(complaint("E"))).andExpect(status().isServiceUnavailable());
        } finally {
            gate.start();
        }
        verify(decisionService, times(2)).decide(any(), any(Complaint.class), anyString());
    }

    @Test
    void itemsAreDecidedSeveralAtOnceAndAnsweredInOrder() throws Exception {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(complaint(i % 2 == 0 ? "WAIT-" + i : "GO-" + (i - 1)));
        }
        ResultActions answer = postBatch(batchOf(items.toArray())).andExpect(status().isOk());
        for (int i = 0; i < 20; i++) {
            answer.andExpect(jsonPath("$.results[" + i + "].decision.complaintId").value(i % 2 == 0 ? "WAIT-" + i : "GO-" + (i - 1)));
        }
    }

    @Test
    void oneBadItemAmongGoodOnesKeepsTheOrder() throws Exception {
        postBatch(batchOf(complaint("A"), with(complaint("B"), "/invoices/0/amount", "\"abc\""), complaint("C")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.results.length()").value(3))
                .andExpect(jsonPath("$.results[0].decision.complaintId").value("A"))
                .andExpect(jsonPath("$.results[0].error").doesNotExist())
                .andExpect(jsonPath("$.results[1].decision").doesNotExist())
                .andExpect(jsonPath("$.results[1].error.status").value(400))
                .andExpect(jsonPath("$.results[1].error.type").value("/problems/invalid-complaint"))
                .andExpect(jsonPath("$.results[1].error.errors[*].field").value(contains("invoices[0].amount")))
                .andExpect(jsonPath("$.results[2].decision.complaintId").value("C"));
    }

    @Test
    void everyKindOfBadItemBecomesItsOwnError() throws Exception {
        postBatch(batchOf(
                complaint("FIRST"),
                "42",                                                                  // 1: not an object
                "null",                                                                // 2: null
                with(complaint("WRONG-TYPE"), "/invoices/1/paymentTermsDays", "\"60\""), // 3: wrong type
                with(complaint("ALIEN"), "/customer/type", "\"ALIEN\""),               // 4: unknown code
                with(complaint("RANGE"), "/invoices/0/paymentTermsDays", "400"),       // 5: failed validation
                with(complaint("FLOAT"), "/customer/relationshipYears", "1.5"),        // 6: float for an integer
                complaint("MULTI-CURRENCY"),                                           // 7: InvalidComplaintException
                complaint("RULE-BUG"),                                                 // 8: DecisionFailedException
                complaint("SURPRISE"),                                                 // 9: unexpected failure
                complaint("LAST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(11))
                .andExpect(jsonPath("$.results[0].decision.complaintId").value("FIRST"))
                .andExpect(jsonPath("$.results[1].error.status").value(400))
                .andExpect(jsonPath("$.results[1].error.detail").value("The complaint must be a JSON object"))
                .andExpect(jsonPath("$.results[2].error.status").value(400))
                .andExpect(jsonPath("$.results[3].error.errors[*].field").value(contains("invoices[1].paymentTermsDays")))
                .andExpect(jsonPath("$.results[4].error.errors[*].field").value(contains("customer.type")))
                .andExpect(jsonPath("$.results[4].error.errors[0].message").value(containsString("BUSINESS, CONSUMER")))
                .andExpect(jsonPath("$.results[5].error.errors[*].field").value(contains("invoices[0].paymentTermsDays")))
                .andExpect(jsonPath("$.results[6].error.errors[*].field").value(contains("customer.relationshipYears")))
                .andExpect(jsonPath("$.results[7].error.status").value(400))
                .andExpect(jsonPath("$.results[7].error.errors[*].field").value(contains("disputedAmount")))
                .andExpect(jsonPath("$.results[8].error.status").value(500))
                .andExpect(jsonPath("$.results[8].error.type").value("/problems/decision-failed"))
                .andExpect(jsonPath("$.results[8].error.detail").value("a rule failed: rules/causes.drl, line 12: / by zero"))
                .andExpect(jsonPath("$.results[9].error.status").value(500))
                .andExpect(jsonPath("$.results[9].error.type").value("/problems/internal-error"))
                .andExpect(jsonPath("$.results[10].decision.complaintId").value("LAST"))
                .andExpect(noInternals());
    }

    @Test
    void anItemErrorIsTheProblemTheSingleEndpointGives() throws Exception {
        for (JsonNode bad : List.of(with("/customer/type", "\"ALIEN\""), with("/invoices/0/amount", "\"abc\""),
                without("/customer/id"), with("/text", "\"" + "a".repeat(20_001) + "\""))) {
            String single = mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(json(bad)))
                    .andReturn().getResponse().getContentAsString();
            String batch = postBatch(batchOf(bad)).andReturn().getResponse().getContentAsString();
            JsonNode expected = TestData.JSON.readTree(single);
            ((ObjectNode) expected).put("instance", BATCH);
            assertThat(TestData.JSON.readTree(batch).get("results").get(0).get("error")).isEqualTo(expected);
        }
    }

    @Test
    void amountsKeepEveryDigitThroughTheTree() throws Exception {
        // raw text, so that no test-side parsing can round the numbers
        String precise = TestData.exampleJson().replaceFirst("\"amount\": 12500.00", "\"amount\": 999999999999.99");
        assertThat(precise).contains("999999999999.99", "\"annualRevenue\": 120000.00");
        postBatch(batchOf(precise)).andExpect(status().isOk());
        ArgumentCaptor<Complaint> captured = ArgumentCaptor.forClass(Complaint.class);
        verify(decisionService).decide(any(), captured.capture(), eq("en"));
        assertThat(captured.getValue().invoices().get(0).amount()).isEqualTo(new BigDecimal("999999999999.99"));
        assertThat(captured.getValue().customer().annualRevenue()).isEqualTo(new BigDecimal("120000.00"));
    }

    @Test
    void languageComesFromAcceptLanguage() throws Exception {
        mvc.perform(post(BATCH).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9,en;q=0.8")
                        .content(batchOf(complaint("A"), complaint("B"))))
                .andExpect(status().isOk());
        verify(decisionService, times(2)).decide(any(), any(Complaint.class), eq("fr"));
    }

    @Test
    void thousandItemsAreAccepted() throws Exception {
        postBatch(batchOf(Collections.nCopies(1000, complaint("SAME")).toArray()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(1000));
    }

    private void assertWholeBatchRefused(String body) throws Exception {
        postBatch(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.instance").value(BATCH))
                .andExpect(jsonPath("$.errors[*].field").value(contains("complaints")));
        verify(decisionService, never()).decide(any(), any(Complaint.class), anyString());
    }

    @Test
    void emptyBatchIs400() throws Exception {
        assertWholeBatchRefused("{\"complaints\": []}");
    }

    @Test
    void batchOver1000ItemsIs400() throws Exception {
        assertWholeBatchRefused(batchOf(Collections.nCopies(1001, "{}").toArray()));
    }

    @Test
    void batchWithoutAComplaintsArrayIs400() throws Exception {
        assertWholeBatchRefused("{}");
        assertWholeBatchRefused("{\"complaints\": {\"complaintId\": \"A\"}}");
        assertWholeBatchRefused("[" + json(example()) + "]");
        assertWholeBatchRefused("\"complaints\"");
    }

    @Test
    void malformedBatchIs400() throws Exception {
        postBatch("{\"complaints\": [" + json(example()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"));
        verify(decisionService, never()).decide(any(), argThat(c -> true), anyString());
    }
}
