package fr.litiges.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.decision.DecisionAudit;
import fr.litiges.security.SecurityConfiguration;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.LastReload;
import fr.litiges.ruleset.RulesetReloader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who may call what, with the local default keys, and what a refusal looks like. */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, ComplaintReader.class, AccessControlTest.Audit.class})
class AccessControlTest {
    private static final String DECIDER = "local-decider-key";
    private static final String ADMIN = "local-admin-key";

    @TestConfiguration
    static class Audit {
        @Bean
        DecisionAudit decisionAudit() {
            return new DecisionAudit(false);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DecisionService decisions;
    @MockitoBean
    ActiveRuleset rulesets;
    @MockitoBean
    RulesetReloader reloader;
    @MockitoBean
    fr.litiges.versions.RulesetVersions versions;
    @MockitoBean
    fr.litiges.ruleset.RulesetActivator activator;
    @MockitoBean
    fr.litiges.prevention.PreventionService prevention;

    private final byte[] complaint = """
            {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"}}
            """.getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void stubs() {
        var decision = TestData.decision("C-1");
        var ruleset = TestData.ruleset();
        when(decisions.decide(any(Complaint.class), anyString())).thenReturn(decision);
        when(rulesets.current()).thenReturn(ruleset);
        when(reloader.reload("api", false)).thenReturn(new LastReload(Instant.now(), "api", LastReload.Outcome.APPLIED, "v", "sha256:x", List.of()));
    }

    @Test
    void withoutCredentialsADecisionIs401AsProblemJson() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(complaint))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void aWrongKeyIs401() throws Exception {
        mvc.perform(post("/api/v1/decisions").header("X-API-Key", "guess").contentType(MediaType.APPLICATION_JSON).content(complaint))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aDeciderDecidesValidatesAndReadsTheRuleset() throws Exception {
        mvc.perform(post("/api/v1/decisions").header("X-API-Key", DECIDER).contentType(MediaType.APPLICATION_JSON).content(complaint))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/decisions/validate").header("X-API-Key", DECIDER).contentType(MediaType.APPLICATION_JSON).content(complaint))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/ruleset").header("X-API-Key", DECIDER))
                .andExpect(status().isOk());
    }

    @Test
    void aDeciderCallingReloadIs403AsProblemJson() throws Exception {
        mvc.perform(post("/api/v1/ruleset/reload").header("X-API-Key", DECIDER))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @Test
    void aRulesAdminMayReload() throws Exception {
        mvc.perform(post("/api/v1/ruleset/reload").header("X-API-Key", ADMIN))
                .andExpect(status().isOk());
    }

    @Test
    void healthInfoAndTheApiDocumentNeedNoCredentials() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(result ->
                org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
        mvc.perform(get("/actuator/health")).andExpect(result ->
                org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
    }

    @Test
    void anythingElseNeedsRulesAdmin() throws Exception {
        mvc.perform(get("/actuator/metrics").header("X-API-Key", DECIDER))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBearerTokenWithTheDeciderRoleMayDecideButNotReload() throws Exception {
        var decider = jwt().jwt(token -> token.subject("crm").claim("roles", List.of("decider")))
                .authorities(new SimpleGrantedAuthority("ROLE_decider"));
        mvc.perform(post("/api/v1/decisions").with(decider).contentType(MediaType.APPLICATION_JSON).content(complaint))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/ruleset/reload").with(decider))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDeciderIsRefusedEveryRuleManagementEndpoint() throws Exception {
        var adminOnly = List.of(post("/api/v1/ruleset/reload"), get("/api/v1/rulesets"), post("/api/v1/rulesets/candidates"),
                get("/api/v1/rulesets/candidates/c1"), post("/api/v1/rulesets/candidates/c1/impact"),
                post("/api/v1/rulesets/candidates/c1/publish"), post("/api/v1/rulesets/v1/activate"),
                get("/api/v1/rulesets/v1/files/rules/a.drl"), get("/api/v1/rulesets/v1/diff/v2"), post("/api/v1/reports/disputes"),
                get("/api/v1/console/me"), get("/api/v1/console/files"), get("/api/v1/console/files/rules/a.drl"),
                get("/api/v1/console/replay-sample"), get("/actuator/prometheus"), get("/actuator/metrics"), get("/actuator/env"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/ruleset"));
        for (var request : adminOnly) {
            mvc.perform(request.header("X-API-Key", DECIDER))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void anUnknownPathIs404ProblemJsonForADecider() throws Exception {
        for (String path : List.of("/api/v1/unknown", "/api/v2/decisions", "/nothing/here")) {
            mvc.perform(get(path).header("X-API-Key", DECIDER))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/not-found"));
        }
    }

    @Test
    void anUnknownPathWithoutCredentialsIs401() throws Exception {
        mvc.perform(get("/api/v1/unknown")).andExpect(status().isUnauthorized());
    }

    @Test
    void twoKeysAre401AndNeverResolved() throws Exception {
        mvc.perform(post("/api/v1/decisions").header("X-API-Key", DECIDER, ADMIN).contentType(MediaType.APPLICATION_JSON).content(complaint))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("exactly one API key")));
        mvc.perform(post("/api/v1/decisions").header("X-API-Key", DECIDER + "," + DECIDER).contentType(MediaType.APPLICATION_JSON).content(complaint))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("exactly one API key")));
    }

    @Test
    void oddMethodsOnADecisionEndpointAre405ProblemJsonWithAllow() throws Exception {
        for (var request : List.of(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/decisions"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/decisions"),
                get("/api/v1/decisions/validate"))) {
            mvc.perform(request.header("X-API-Key", DECIDER))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("POST")));
        }
    }
}
