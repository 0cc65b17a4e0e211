package fr.litiges.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.LastReload;
import fr.litiges.ruleset.RuleProblem;
import java.time.Instant;
import java.util.List;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import fr.litiges.ruleset.RulesetReloader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RulesetController.class)
@Import({WebConfiguration.class, LocalApiKey.class})
class RulesetControllerTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    ActiveRuleset activeRuleset;

    @MockitoBean
    RulesetReloader rulesetReloader;

    @Test
    void showsTheActiveRuleset() throws Exception {
        var ruleset = TestData.ruleset();
        when(activeRuleset.current()).thenReturn(ruleset);
        mvc.perform(get("/api/v1/ruleset"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.version").value("2026.11.1"))
                .andExpect(jsonPath("$.hash").value("sha256:0123abcd"))
                .andExpect(jsonPath("$.loadedAt").value("2026-11-28T08:00:00Z"))
                .andExpect(jsonPath("$.ruleCount").value(42))
                .andExpect(jsonPath("$.files.length()").value(2))
                .andExpect(jsonPath("$.files[0].path").value("rules/causes.drl"))
                .andExpect(jsonPath("$.files[0].type").value("DRL"))
                .andExpect(jsonPath("$.files[0].ruleCount").value(12))
                .andExpect(jsonPath("$.files[1].path").value("decision-tables/routing.xlsx"))
                .andExpect(jsonPath("$.files[1].ruleCount").value(30))
                // present and null while no reload happened since start
                .andExpect(content().string(containsString("\"lastReload\":null")));
    }

    @Test
    void aReloadThatGoesLiveAnswersTheNewRuleset() throws Exception {
        var ruleset = TestData.ruleset();
        when(activeRuleset.current()).thenReturn(ruleset);
        LastReload applied = new LastReload(Instant.parse("2026-11-29T10:00:00Z"), "api", LastReload.Outcome.APPLIED,
                ruleset.version(), ruleset.hash(), List.of());
        when(rulesetReloader.reload("api", false)).thenReturn(applied);

        mvc.perform(post("/api/v1/ruleset/reload"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.version").value("2026.11.1"))
                .andExpect(jsonPath("$.lastReload.outcome").value("APPLIED"))
                .andExpect(jsonPath("$.lastReload.trigger").value("api"))
                .andExpect(jsonPath("$.lastReload.errors.length()").value(0));
    }

    @Test
    void aRefusedReloadIs422WithEveryErrorLocated() throws Exception {
        var ruleset = TestData.ruleset();
        when(activeRuleset.current()).thenReturn(ruleset);
        LastReload refused = new LastReload(Instant.parse("2026-11-29T10:00:00Z"), "api", LastReload.Outcome.REFUSED,
                ruleset.version(), ruleset.hash(), List.of(
                        new RuleProblem("decision-tables/resolution.xlsx", "Canaux", 10, null, null, "soixante cannot be resolved"),
                        new RuleProblem("rules/broken.drl", null, null, null, 6, "no viable alternative at input ')'")));
        when(rulesetReloader.reload("api", false)).thenReturn(refused);
        when(rulesetReloader.lastReload()).thenReturn(refused);

        mvc.perform(post("/api/v1/ruleset/reload"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/ruleset-refused"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.activeVersion").value("2026.11.1"))
                .andExpect(jsonPath("$.errors[0].source").value("decision-tables/resolution.xlsx"))
                .andExpect(jsonPath("$.errors[0].sheet").value("Canaux"))
                .andExpect(jsonPath("$.errors[0].row").value(10))
                .andExpect(jsonPath("$.errors[1].source").value("rules/broken.drl"))
                .andExpect(jsonPath("$.errors[1].line").value(6));

        mvc.perform(get("/api/v1/ruleset"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastReload.outcome").value("REFUSED"))
                .andExpect(jsonPath("$.lastReload.errors[0].sheet").value("Canaux"));
    }

    @Test
    void refusalsAreInFrenchUnlessTheCallerAsksForEnglish() throws Exception {
        var ruleset = TestData.ruleset();
        when(activeRuleset.current()).thenReturn(ruleset);
        LastReload refused = new LastReload(Instant.parse("2026-11-29T10:00:00Z"), "api", LastReload.Outcome.REFUSED,
                ruleset.version(), ruleset.hash(), List.of(new RuleProblem("decision-tables/resolution.xlsx", "Canaux", 10, "A10", null,
                        "A10 (Canal) : canal inconnu « BUSINES_MEDIATION »", "A10 (Canal): unknown channel 'BUSINES_MEDIATION'")));
        when(rulesetReloader.reload("api", false)).thenReturn(refused);
        when(rulesetReloader.lastReload()).thenReturn(refused);

        mvc.perform(post("/api/v1/ruleset/reload"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("A10 (Canal) : canal inconnu « BUSINES_MEDIATION »"))
                .andExpect(jsonPath("$.errors[0].english").doesNotExist());
        mvc.perform(post("/api/v1/ruleset/reload").header("Accept-Language", "en-GB, fr;q=0.5"))
                .andExpect(jsonPath("$.errors[0].message").value("A10 (Canal): unknown channel 'BUSINES_MEDIATION'"))
                .andExpect(jsonPath("$.errors[0].cell").value("A10"));
        mvc.perform(get("/api/v1/ruleset").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.lastReload.errors[0].message").value("A10 (Canal): unknown channel 'BUSINES_MEDIATION'"));
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/ruleset"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
