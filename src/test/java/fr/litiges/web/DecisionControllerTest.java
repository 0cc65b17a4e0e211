package fr.litiges.web;

import static fr.litiges.web.TestData.exampleJson;
import static fr.litiges.web.TestData.json;
import static fr.litiges.web.TestData.noInternals;
import static fr.litiges.web.TestData.with;
import static fr.litiges.web.TestData.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.InvalidComplaintException;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Complaint;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(DecisionController.class)
@Import({WebConfiguration.class, ComplaintReader.class, LocalApiKey.class})
class DecisionControllerTest {
    private static final String DECISIONS = "/api/v1/decisions";
    private static final String VALIDATE = "/api/v1/decisions/validate";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DecisionService decisionService;

    @BeforeEach
    void decideAnything() {
        when(decisionService.decide(any(Complaint.class), anyString()))
                .thenAnswer(call -> TestData.decision(call.<Complaint>getArgument(0).complaintId()));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A 400 problem naming exactly these fields; the service was never asked to decide. */
    private void assertBadRequest(ResultActions result, String... fields) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-complaint"))
                .andExpect(jsonPath("$.title").value("Invalid complaint"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value(DECISIONS))
                .andExpect(jsonPath("$.errors[*].field").value(contains(fields)))
                .andExpect(noInternals());
        verify(decisionService, never()).decide(any(Complaint.class), anyString());
    }

    @Test
    void contractExampleIsDecidedInFrenchWhenFrenchIsPreferred() throws Exception {
        mvc.perform(post(DECISIONS).contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9").content(exampleJson()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                // the complaint read from the body reached the service (the stub answers for its id)
                .andExpect(jsonPath("$.complaintId").value("CRM-2026-000123"))
                // how the contract writes times, dates and amounts: ISO strings, decimals kept
                .andExpect(content().string(containsString("\"evaluatedAt\":\"2026-11-29T10:15:30Z\"")))
                .andExpect(content().string(containsString("\"originalDueOn\":\"2026-11-30\"")))
                .andExpect(content().string(containsString("\"amountAtRisk\":12500.00")));

        ArgumentCaptor<Complaint> complaint = ArgumentCaptor.forClass(Complaint.class);
        verify(decisionService).decide(complaint.capture(), eq("fr"));
        Complaint sent = complaint.getValue();
        assertThat(sent.complaintId()).isEqualTo("CRM-2026-000123");
        assertThat(sent.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(sent.customer().type()).isEqualTo(CustomerType.BUSINESS);
        assertThat(sent.invoices()).hasSize(2);
        assertThat(sent.invoices().get(0).amount()).isEqualTo(new BigDecimal("12500.00"));
        assertThat(sent.customer().annualRevenue()).isEqualTo(new BigDecimal("120000.00"));
    }

    @Test
    void englishWithoutAcceptLanguageOrWhenEnglishIsPreferred() throws Exception {
        postJson(DECISIONS, exampleJson()).andExpect(status().isOk());
        mvc.perform(post(DECISIONS).contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,fr;q=0.5").content(exampleJson()))
                .andExpect(status().isOk());
        verify(decisionService, org.mockito.Mockito.times(2)).decide(any(Complaint.class), eq("en"));
    }

    @Test
    void amountsKeepEveryDigit() throws Exception {
        String precise = exampleJson().replaceFirst("\"amount\": 12500.00", "\"amount\": 999999999999.99");
        postJson(DECISIONS, precise).andExpect(status().isOk());
        ArgumentCaptor<Complaint> complaint = ArgumentCaptor.forClass(Complaint.class);
        verify(decisionService).decide(complaint.capture(), eq("en"));
        assertThat(complaint.getValue().invoices().get(0).amount()).isEqualTo(new BigDecimal("999999999999.99"));
    }

    @Test
    void unknownPropertiesAreTolerated() throws Exception {
        postJson(DECISIONS, json(with("/crmExtension", "{\"anything\": 1}"))).andExpect(status().isOk());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        postJson(DECISIONS, "{\"complaintId\": \"CRM-1\", \"receivedOn\": }")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"))
                .andExpect(jsonPath("$.title").value("Malformed JSON"))
                .andExpect(jsonPath("$.detail").value(containsString("line 1")))
                .andExpect(jsonPath("$.instance").value(DECISIONS))
                .andExpect(noInternals());
    }

    @Test
    void truncatedJsonIs400() throws Exception {
        String example = exampleJson();
        postJson(DECISIONS, example.substring(0, example.length() / 2))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"))
                .andExpect(noInternals());
    }

    @Test
    void missingBodyIs400() throws Exception {
        mvc.perform(post(DECISIONS).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/missing-body"))
                .andExpect(noInternals());
    }

    @Test
    void bodyThatIsNotAnObjectIs400() throws Exception {
        postJson(DECISIONS, "[1, 2]")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-complaint"))
                .andExpect(jsonPath("$.detail").value("The complaint must be a JSON object"))
                .andExpect(noInternals());
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/invoices/0/amount", "\"douze mille\""))), "invoices[0].amount");
    }

    @Test
    void numberAsStringIsAWrongType() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/invoices/1/amount", "\"12500.00\""))), "invoices[1].amount");
    }

    @Test
    void numberForAStringIsAWrongType() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/complaintId", "123"))), "complaintId");
    }

    @Test
    void objectForAListIsAWrongType() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/invoices", "{}"))), "invoices");
    }

    @Test
    void floatForAnIntegerIs400() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/invoices/0/paymentTermsDays", "1.5"))), "invoices[0].paymentTermsDays");
    }

    @Test
    void integerOverflowIs400() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/customer/relationshipYears", "99999999999"))), "customer.relationshipYears");
    }

    @Test
    void booleanAsNumberIs400() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/customer/strategic", "1"))), "customer.strategic");
    }

    @Test
    void invalidDateNamesTheField() throws Exception {
        ResultActions result = postJson(DECISIONS, json(with("/receivedOn", "\"2026-13-45\"")));
        assertBadRequest(result, "receivedOn");
        result.andExpect(jsonPath("$.errors[0].message").value(containsString("YYYY-MM-DD")));
    }

    @Test
    void missingRequiredFieldIsNamed() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(without("/customer/type"))), "customer.type");
    }

    @Test
    void nullRequiredFieldIsNamed() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/complaintId", "null"))), "complaintId");
    }

    @Test
    void unknownCodeListsTheAllowedCodes() throws Exception {
        ResultActions result = postJson(DECISIONS, json(with("/customer/type", "\"ALIEN\"")));
        assertBadRequest(result, "customer.type");
        result.andExpect(jsonPath("$.errors[0].message").value(containsString("ALIEN")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("BUSINESS, CONSUMER")));
    }

    @Test
    void unknownCodeInAListNamesTheElement() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/reportedReasons", "[\"BILLED_TWICE\", \"NOPE\"]"))), "reportedReasons[1]");
    }

    @Test
    void codeAsIndexIs400() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/invoices/0/status", "0"))), "invoices[0].status");
    }

    @Test
    void outOfRangeValueNamesTheField() throws Exception {
        ResultActions result = postJson(DECISIONS, json(with("/invoices/0/paymentTermsDays", "400")));
        assertBadRequest(result, "invoices[0].paymentTermsDays");
        result.andExpect(jsonPath("$.errors[0].message").value(containsString("365")));
    }

    @Test
    void negativeAmountIs400() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/disputedAmount", "-1"))), "disputedAmount");
    }

    @Test
    void complaintIdMustMatchItsPattern() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/complaintId", "\"CRM 2026 #123\""))), "complaintId");
    }

    @Test
    void textOver20000CharactersIs400() throws Exception {
        assertBadRequest(postJson(DECISIONS, json(with("/text", "\"" + "a".repeat(20_001) + "\""))), "text");
    }

    @Test
    void textOf20000CharactersIsAccepted() throws Exception {
        postJson(DECISIONS, json(with("/text", "\"" + "é".repeat(20_000) + "\""))).andExpect(status().isOk());
    }

    @Test
    void everyBadFieldIsListedInPathOrder() throws Exception {
        var complaint = with("/invoices/1/currency", "\"euro\"");
        with(complaint, "/customer/id", "\"\"");
        with(complaint, "/deliveries/0/lines/0/quantity", "-3");
        assertBadRequest(postJson(DECISIONS, json(complaint)),
                "customer.id", "deliveries[0].lines[0].quantity", "invoices[1].currency");
    }

    @Test
    void invalidComplaintExceptionIs400WithItsField() throws Exception {
        when(decisionService.decide(any(Complaint.class), anyString()))
                .thenThrow(new InvalidComplaintException("disputedAmount", "the invoices not PAID are in several currencies"));
        postJson(DECISIONS, exampleJson())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-complaint"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("disputedAmount")))
                .andExpect(jsonPath("$.errors[0].message").value("the invoices not PAID are in several currencies"))
                .andExpect(noInternals());
    }

    @Test
    void decisionFailedExceptionIs500WithItsMessageAndNoStackTrace() throws Exception {
        when(decisionService.decide(any(Complaint.class), anyString()))
                .thenThrow(new DecisionFailedException("a rule failed: rules/causes.drl, line 12: division by zero",
                        new ArithmeticException("/ by zero")));
        postJson(DECISIONS, exampleJson())
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/decision-failed"))
                .andExpect(jsonPath("$.title").value("Decision failed"))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.detail").value("a rule failed: rules/causes.drl, line 12: division by zero"))
                .andExpect(jsonPath("$.instance").value(DECISIONS))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(noInternals());
    }

    @Test
    void unexpectedFailureIs500WithoutItsMessage() throws Exception {
        when(decisionService.decide(any(Complaint.class), anyString()))
                .thenThrow(new IllegalStateException("secret internal state"));
        postJson(DECISIONS, exampleJson())
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/internal-error"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(noInternals());
    }

    @Test
    void validateAcceptsTheContractExampleWithoutDeciding() throws Exception {
        postJson(VALIDATE, exampleJson())
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("{\"valid\": true}", org.springframework.test.json.JsonCompareMode.STRICT));
        verify(decisionService, never()).decide(any(Complaint.class), anyString());
    }

    @Test
    void validateGivesTheSame400AsDecisions() throws Exception {
        for (String body : new String[] {
                json(with("/customer/type", "\"ALIEN\"")),
                json(with("/invoices/0/paymentTermsDays", "400")),
                json(without("/receivedOn")),
                "{\"complaintId\": ",
                "[]"}) {
            String fromDecisions = postJson(DECISIONS, body).andReturn().getResponse().getContentAsString();
            String fromValidate = postJson(VALIDATE, body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn().getResponse().getContentAsString();
            assertThat(fromValidate).isEqualTo(fromDecisions.replace(DECISIONS + "\"", VALIDATE + "\""));
        }
        verify(decisionService, never()).decide(any(Complaint.class), anyString());
    }

    /** Both endpoints answer the same 400 naming the field; neither decides. */
    private void assertRefusedByBoth(String body, String field) throws Exception {
        assertBadRequest(postJson(DECISIONS, body), field);
        postJson(VALIDATE, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains(field)));
    }

    @Test
    void numbersOutsideTheirBoundsAreRefusedByValidateAndDecisions() throws Exception {
        String[][] fields = {
                {"/disputedAmount", "disputedAmount"}, {"/invoices/0/amount", "invoices[0].amount"},
                {"/invoices/0/lines/0/quantity", "invoices[0].lines[0].quantity"},
                {"/invoices/0/lines/0/unitPrice", "invoices[0].lines[0].unitPrice"},
                {"/order/lines/0/quantity", "order.lines[0].quantity"},
                {"/order/lines/0/agreedUnitPrice", "order.lines[0].agreedUnitPrice"},
                {"/deliveries/0/lines/0/quantity", "deliveries[0].lines[0].quantity"},
                {"/customer/annualRevenue", "customer.annualRevenue"}};
        for (String[] field : fields) {
            for (String value : new String[] {"9e2147483647", "1E+2147483647", "1e-2147483647", "1e16", "-0.01", "0.00001"}) {
                assertRefusedByBoth(json(with(field[0], value)), field[1]);
            }
        }
        assertRefusedByBoth(json(with("/disputedAmount", "1000000000000.01")), "disputedAmount");
        assertRefusedByBoth(json(with("/invoices/0/amount", "0.001")), "invoices[0].amount");
        assertRefusedByBoth(json(with("/invoices/0/lines/0/quantity", "1000000000.0001")), "invoices[0].lines[0].quantity");
    }

    @Test
    void numbersAtTheirBoundsAreAccepted() throws Exception {
        var complaint = with("/disputedAmount", "1000000000000");
        with(complaint, "/invoices/0/amount", "1E+12");
        with(complaint, "/invoices/0/lines/0/quantity", "1000000000.0000");
        with(complaint, "/invoices/0/lines/0/unitPrice", "0.0001");
        postJson(VALIDATE, json(complaint)).andExpect(status().isOk());
        postJson(DECISIONS, json(complaint)).andExpect(status().isOk());
    }

    @Test
    void datesAreStrictYearMonthDayWithinTheDocumentedRange() throws Exception {
        for (String value : new String[] {"[2026, 11, 20]", "\"2026-11-20T10:00:00\"", "\"2026-11-20T10:00:00Z\"", "20261120",
                "\"0000-01-01\"", "\"-0001-01-01\"", "\"+99999-01-01\"", "\"99999-01-01\"", "\"1899-12-31\"", "\"3000-01-01\"",
                "\"2026-02-30\"", "\"2026-1-5\"", "\" 2026-11-20\"", "{}"}) {
            assertRefusedByBoth(json(with("/receivedOn", value)), "receivedOn");
            assertRefusedByBoth(json(with("/invoices/0/dueOn", value)), "invoices[0].dueOn");
        }
        var edges = with("/receivedOn", "\"2999-12-31\"");
        with(edges, "/invoices/0/issuedOn", "\"1900-01-01\"");
        postJson(DECISIONS, json(edges)).andExpect(status().isOk());
    }

    @Test
    void identifiersRefuseMarkupControlAndBidiCharacters() throws Exception {
        String[][] fields = {{"/customer/id", "customer.id"}, {"/invoices/0/number", "invoices[0].number"},
                {"/invoices/0/orderRef", "invoices[0].orderRef"}, {"/invoices/0/lines/0/sku", "invoices[0].lines[0].sku"},
                {"/order/ref", "order.ref"}, {"/deliveries/0/ref", "deliveries[0].ref"}, {"/complaintId", "complaintId"}};
        for (String[] field : fields) {
            for (String value : new String[] {"\"<b>F</b>\"", "\"F\\u0000\"", "\"F\\r\\nX-Injected: 1\"", "\"F\\u202eX\"",
                    "\"\"", "\"" + "A".repeat(65) + "\""}) {
                assertRefusedByBoth(json(with(field[0], value)), field[1]);
            }
        }
    }

    @Test
    void aRepeatedPropertyIsRefusedAndNamed() throws Exception {
        assertRefusedByBoth(exampleJson().replaceFirst("\\{", "{\"complaintId\": \"OTHER\", "), "complaintId");
        assertRefusedByBoth(exampleJson().replaceFirst("\"amount\": 12500.00", "\"amount\": 1, \"amount\": 12500.00"), "invoices[0].amount");
    }

    @Test
    void textOf20000CharactersOutsideTheBasicPlaneIsAccepted() throws Exception {
        postJson(DECISIONS, json(with("/text", "\"" + "\uD834\uDD1E".repeat(20_000) + "\""))).andExpect(status().isOk());
    }

    @Test
    void textLengthCountsCharactersNotUtf16Units() throws Exception {
        assertRefusedByBoth(json(with("/text", "\"" + "\uD834\uDD1E".repeat(20_001) + "\"")), "text");
    }

    record WithPrimitive(int count) {
    }

    @Test
    void theApplicationMapperRefusesNullForAPrimitive(@Autowired JsonMapper jsonMapper) {
        assertThatThrownBy(() -> jsonMapper.readValue("{\"count\": null}", WithPrimitive.class))
                .isInstanceOfSatisfying(JacksonException.class, e -> {
                    assertThat(JsonErrors.describe(e).field()).isEqualTo("count");
                    assertThat(JsonErrors.describe(e).message()).isEqualTo("must not be null");
                });
    }
}
