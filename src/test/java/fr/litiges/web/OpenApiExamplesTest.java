package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.prevention.PreventionService;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.Validation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.JsonNode;

/**
 * The example decision is decided when the document is written, once per active ruleset: after
 * a reload or a publish it is the new ruleset's, without restarting (springdoc builds the document
 * once and keeps it).
 */
class OpenApiExamplesTest {
    private static final String DECISION_EXAMPLE = "/paths/~1api~1v1~1decisions/post/responses/200/content/application~1json/example";

    private final ActiveRuleset active = mock(ActiveRuleset.class);
    private final DecisionService decisions = mock(DecisionService.class);

    @Test
    void theExampleDecisionFollowsTheActiveRulesetAndIsDecidedOncePerRuleset() throws Exception {
        Ruleset first = TestData.ruleset();
        when(active.isActive()).thenReturn(true);
        when(active.current()).thenReturn(first);
        when(decisions.decide(any(Ruleset.class), any(Complaint.class), anyString()))
                .thenAnswer(call -> decidedOn(call.getArgument(0), call.getArgument(1)));
        OpenAPI document = decisionsOperation();
        examples().customise(document);

        JsonNode written = write(document);
        assertThat(written.at(DECISION_EXAMPLE + "/ruleset/version").asString()).isEqualTo("2026.11.1");
        assertThat(written.at(DECISION_EXAMPLE + "/complaintId").asString()).isEqualTo("CRM-2026-000123");
        assertThat(written.at("/paths/~1api~1v1~1decisions/post/requestBody/content/application~1json/example"))
                .isEqualTo(TestData.example());
        write(document);

        when(active.current()).thenReturn(first.withVersion("2026.12.1"));
        assertThat(write(document).at(DECISION_EXAMPLE + "/ruleset/version").asString()).isEqualTo("2026.12.1");
        verify(decisions, times(2)).decide(any(Ruleset.class), any(Complaint.class), anyString());
    }

    @Test
    void noExampleDecisionBeforeARulesetIsActive() throws Exception {
        when(active.isActive()).thenReturn(false);
        OpenAPI document = decisionsOperation();
        examples().customise(document);

        assertThat(write(document).at(DECISION_EXAMPLE).isNull()).isTrue();
        verify(decisions, times(0)).decide(any(Ruleset.class), any(Complaint.class), anyString());
    }

    private ApiExamples examples() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of(
                "reader", new ComplaintReader(TestData.JSON, Validation.buildDefaultValidatorFactory().getValidator()),
                "active", active, "decisions", decisions));
        return new ApiExamples(TestData.JSON, beans.getBeanProvider(ComplaintReader.class), beans.getBeanProvider(ActiveRuleset.class),
                beans.getBeanProvider(DecisionService.class), beans.getBeanProvider(PreventionService.class));
    }

    private static Decision decidedOn(Ruleset ruleset, Complaint complaint) {
        Decision d = TestData.decision(complaint.complaintId());
        return new Decision(d.decisionId(), d.complaintId(), d.evaluatedAt(), new Decision.RulesetRef(ruleset.version(), ruleset.hash()),
                d.classification(), d.routing(), d.resolution(), d.paymentImpact(), d.trace());
    }

    private static OpenAPI decisionsOperation() {
        Operation decide = new Operation()
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json", new MediaType())))
                .responses(new ApiResponses().addApiResponse("200",
                        new ApiResponse().content(new Content().addMediaType("application/json", new MediaType()))));
        return new OpenAPI().path("/api/v1/decisions", new PathItem().post(decide));
    }

    /** As springdoc writes the document at each request: with swagger's own (Jackson 2) writer. */
    private static JsonNode write(OpenAPI document) throws Exception {
        return TestData.JSON.readTree(Json31.mapper().writeValueAsString(document));
    }
}
