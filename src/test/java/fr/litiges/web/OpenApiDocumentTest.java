package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.decision.DecisionService;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetReloader;
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

    @BeforeAll
    void fetchDocument() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
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
}
