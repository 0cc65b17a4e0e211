package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.decision.DecisionService;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetReloader;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every endpoint, the Complaint schema and the documented problems. */
@WebMvcTest({DecisionController.class, RulesetController.class})
@Import({WebConfiguration.class, ComplaintReader.class, LocalApiKey.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    DecisionService decisionService;

    @MockitoBean
    ActiveRuleset activeRuleset;

    @MockitoBean
    RulesetReloader rulesetReloader;

    private JsonNode document;
    private String text;

    @BeforeAll
    void fetchDocument() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").header("Host", "evil.example:666"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        text = body;
        document = TestData.JSON.readTree(body);
    }

    @Test
    void describesTheService() {
        assertThat(document.at("/info/title").asString()).isEqualTo("Litiges decision service");
        assertThat(document.at("/info/version").asString()).isEqualTo("v1");
        assertThat(document.at("/info/description").asString()).contains("RFC 9457");
    }

    @Test
    void listsEveryEndpoint() {
        assertThat(document.at("/paths/~1api~1v1~1decisions/post").isObject()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1decisions~1validate/post").isObject()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1decisions~1batch/post").isObject()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1ruleset/get").isObject()).isTrue();
    }

    @Test
    void documentsTheComplaintSchemaWithItsCodes() {
        assertThat(document.at("/components/schemas/Complaint/properties/complaintId").isObject()).isTrue();
        String customerRef = document.at("/components/schemas/Complaint/properties/customer/$ref").asString();
        assertThat(customerRef).isEqualTo("#/components/schemas/Customer");
        assertThat(document.at("/components/schemas/Customer/properties/type/enum").valueStream().map(JsonNode::asString))
                .containsExactly("BUSINESS", "CONSUMER");
        assertThat(document.at("/components/schemas/Invoice/properties/paymentTermsDays/maximum").asInt()).isEqualTo(365);
    }

    @Test
    void documentsTheProblemsOfEachDecisionEndpoint() {
        for (String path : new String[] {"/paths/~1api~1v1~1decisions/post", "/paths/~1api~1v1~1decisions~1validate/post",
                "/paths/~1api~1v1~1decisions~1batch/post"}) {
            JsonNode responses = document.at(path + "/responses");
            assertThat(responses.propertyNames()).contains("200", "400", "413", "415", "500");
            for (String code : new String[] {"400", "413", "415", "500"}) {
                assertThat(responses.at("/" + code + "/content/application~1problem+json/schema/$ref").asString())
                        .as(path + " " + code).isEqualTo("#/components/schemas/ProblemDetail");
            }
        }
        assertThat(document.at("/components/schemas/ProblemDetail/properties/errors").isObject()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1decisions~1batch/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/BatchRequest");
    }

    @Test
    void documentsTheRulesetResponse() {
        assertThat(document.at("/components/schemas/Ruleset/properties").propertyNames())
                .contains("version", "hash", "loadedAt", "files", "ruleCount", "lastReload");
    }

    @Test
    void lintsWithoutErrors() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
    }

    @Test
    void everyOperationTakesAnApiKeyOrABearerTokenAndSaysSo() {
        assertThat(document.at("/components/securitySchemes/apiKey/type").asString()).isEqualTo("apiKey");
        assertThat(document.at("/components/securitySchemes/apiKey/in").asString()).isEqualTo("header");
        assertThat(document.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        document.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey() + " " + path.getKey();
            assertThat(operation.getValue().at("/security").valueStream().flatMap(r -> r.propertyNames().stream()))
                    .as(where).containsExactlyInAnyOrder("apiKey", "bearer");
            assertThat(operation.getValue().at("/responses").propertyNames()).as(where).contains("401", "403", "406");
        }));
        assertThat(document.at("/paths/~1api~1v1~1decisions~1batch/post/responses/503/headers/Retry-After").isObject()).isTrue();
    }

    @Test
    void theServerUrlIsFixedWhateverTheHostHeader() {
        assertThat(text).doesNotContain("evil.example");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
    }

    @Test
    void declaresWhatMayBeNullAndTheBoundsItEnforces() {
        assertThat(document.at("/components/schemas/TraceEntry/properties/sheet/type").valueStream().map(JsonNode::asString))
                .contains("string", "null");
        assertThat(document.at("/components/schemas/TraceEntry/properties/row/type").valueStream().map(JsonNode::asString))
                .contains("integer", "null");
        assertThat(document.at("/components/schemas/PaymentImpact/properties/originalDueOn/type").valueStream().map(JsonNode::asString))
                .contains("string", "null");
        assertThat(document.at("/components/schemas/Ruleset/properties/lastReload/oneOf/1/type").asString()).isEqualTo("null");
        assertThat(document.at("/components/schemas/Complaint/properties/complaintId/pattern").asString())
                .isEqualTo("^[A-Za-z0-9._:/-]{1,64}$");
        assertThat(document.at("/components/schemas/Invoice/properties/amount/maximum").decimalValue())
                .isEqualByComparingTo("1000000000000");
        assertThat(document.at("/paths/~1api~1v1~1ruleset~1reload/post/responses/422/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/RulesetRefusedProblem");
    }
}
