package fr.litiges.web;

import static fr.litiges.web.TestData.exampleJson;
import static fr.litiges.web.TestData.json;
import static fr.litiges.web.TestData.noInternals;
import static fr.litiges.web.TestData.with;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/** The HTTP-level errors: sizes, media types, unknown paths and methods. All are problem+json. */
@WebMvcTest(DecisionController.class)
@Import({WebConfiguration.class, ComplaintReader.class, LocalApiKey.class})
class ProblemHandlingTest {
    private static final int MIB = 1024 * 1024;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DecisionService decisionService;

    @BeforeEach
    void decideAnything() {
        when(decisionService.decide(any(Complaint.class), anyString()))
                .thenAnswer(call -> TestData.decision(call.<Complaint>getArgument(0).complaintId()));
        when(decisionService.decide(any(), any(Complaint.class), anyString()))
                .thenAnswer(call -> TestData.decision(call.<Complaint>getArgument(1).complaintId()));
    }

    /** A complaint of about {@code bytes} bytes: its text is too long, so only the size limit can explain a 413. */
    private static byte[] complaintOf(int bytes) {
        return json(with("/text", "\"" + "x".repeat(bytes) + "\"")).getBytes(StandardCharsets.UTF_8);
    }

    /** A body sent with Transfer-Encoding: chunked, so the server does not know its length beforehand. */
    private static RequestBuilder chunked(String path, byte[] body) {
        return servletContext -> {
            MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "POST", path) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public String getHeader(String name) {
                    return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? null : super.getHeader(name);
                }
            };
            request.setContentType(MediaType.APPLICATION_JSON_VALUE);
            request.addHeader(HttpHeaders.TRANSFER_ENCODING, "chunked");
            // a hand-made request does not get MockMvc's default headers
            request.addHeader("X-API-Key", LocalApiKey.ADMIN);
            request.setContent(body);
            return request;
        };
    }

    private static void assertTooLarge(ResultActions result, String limit) throws Exception {
        result.andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value(containsString(limit)))
                .andExpect(noInternals());
    }

    @Test
    void bodyOver1MiBByContentLengthIs413() throws Exception {
        assertTooLarge(mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(complaintOf(MIB + 1))),
                "1 MiB");
        verify(decisionService, never()).decide(any(Complaint.class), anyString());
    }

    @Test
    void chunkedBodyOver1MiBIs413() throws Exception {
        assertTooLarge(mvc.perform(chunked("/api/v1/decisions", complaintOf(2 * MIB))), "1 MiB");
        verify(decisionService, never()).decide(any(Complaint.class), anyString());
    }

    @Test
    void validateHasThe1MiBLimitToo() throws Exception {
        assertTooLarge(mvc.perform(post("/api/v1/decisions/validate").contentType(MediaType.APPLICATION_JSON).content(complaintOf(MIB + 1))),
                "1 MiB");
        assertTooLarge(mvc.perform(chunked("/api/v1/decisions/validate", complaintOf(2 * MIB))), "1 MiB");
    }

    @Test
    void chunkedBodyUnderTheLimitIsRead() throws Exception {
        mvc.perform(chunked("/api/v1/decisions", exampleJson().getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
    }

    @Test
    void batchAcceptsBodiesOver1MiB() throws Exception {
        String item = json(with("/text", "\"" + "x".repeat(19_000) + "\""));
        String body = "{\"complaints\": [" + String.join(",", Collections.nCopies(60, item)) + "]}";
        mvc.perform(chunked("/api/v1/decisions/batch", body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(60))
                .andExpect(jsonPath("$.results[59].decision.complaintId").value("CRM-2026-000123"));
    }

    @Test
    void batchOver16MiBIs413() throws Exception {
        byte[] body = ("{\"complaints\": [{\"text\": \"" + "x".repeat(16 * MIB) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        assertTooLarge(mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content(body)), "16 MiB");
        assertTooLarge(mvc.perform(chunked("/api/v1/decisions/batch", body)), "16 MiB");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.TEXT_PLAIN).content(exampleJson()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unsupported-media-type"))
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.instance").value("/api/v1/decisions"))
                .andExpect(noInternals());
        mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_XML).content("<complaints/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void missingContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/decisions/validate").content(exampleJson()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unacceptableAcceptIs406AsProblemJson() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
                        .content(exampleJson()))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-acceptable"));
    }

    @Test
    void problemsStayProblemJsonWhateverTheClientAccepts() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content(json(with("/customer/type", "\"ALIEN\""))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownPathIs404ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.instance").value("/api/v1/nothing-here"))
                .andExpect(noInternals());
    }

    @Test
    void wrongMethodIs405ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/decisions"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string(HttpHeaders.ALLOW, "POST"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/method-not-allowed"))
                .andExpect(jsonPath("$.status").value(405));
        mvc.perform(put("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
