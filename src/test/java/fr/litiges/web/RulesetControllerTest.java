package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetActivator;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.ruleset.RulesetGate;
import fr.litiges.ruleset.RulesetReloader;
import fr.litiges.ruleset.RulesetSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ruleset endpoints over a real reloader: the folders are an in-memory source each test
 * sets, so what the answers say comes from compiling it, not from a stub. The context is this
 * class's own, as before (it had its own mocks).
 */
@WebMvcTest(RulesetController.class)
@Import({WebConfiguration.class, LocalApiKey.class, RulesetControllerTest.RealReloads.class})
class RulesetControllerTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    ActiveRuleset activeRuleset;

    @Autowired
    AtomicReference<RulesetSource> folders;

    /** Starts each test on the sample ruleset, and the folders on the sample's files. */
    @TestConfiguration
    static class RealReloads {
        @Bean
        AtomicReference<RulesetSource> folders() {
            return new AtomicReference<>();
        }

        @Bean
        ActiveRuleset activeRuleset() {
            return new ActiveRuleset(TestData.ruleset());
        }

        @Bean
        RulesetActivator rulesetActivator(ActiveRuleset active) {
            return new RulesetActivator(new RulesetCompiler(), active, List.of(), new SimpleMeterRegistry(), Clock.systemUTC());
        }

        @Bean
        RulesetReloader rulesetReloader(RulesetActivator activator, AtomicReference<RulesetSource> folders) {
            return new RulesetReloader(activator, folders::get);
        }
    }

    @Autowired
    RulesetActivator activator;

    /** Each test starts on the sample ruleset, as if it had gone live from the folders' sample files. */
    @BeforeEach
    void startOnTheSample() {
        RulesetSource sample = source("rules/causes.drl", TestData.SAMPLE_CAUSES, "rules/routing.drl", TestData.SAMPLE_ROUTING);
        folders.set(sample);
        activator.activate("start-up", new RulesetActivator.Trial(sample, TestData.ruleset(), List.of(), RulesetGate.Verdict.NONE),
                RulesetActivator.Recorder.UNVERSIONED);
        assertThat(activeRuleset.current()).isSameAs(TestData.ruleset());
    }

    private static RulesetSource source(String... pathsAndTexts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return RulesetSource.of(files);
    }

    @Test
    void showsTheActiveRuleset() throws Exception {
        Ruleset ruleset = TestData.ruleset();
        mvc.perform(get("/api/v1/ruleset"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.version").value("2026.11.1"))
                .andExpect(jsonPath("$.hash").value(ruleset.hash()))
                .andExpect(jsonPath("$.loadedAt").value("2026-11-28T08:00:00Z"))
                // a ruleset really compiled from three rules in two files (TestData.ruleset())
                .andExpect(jsonPath("$.ruleCount").value(3))
                .andExpect(jsonPath("$.files.length()").value(2))
                .andExpect(jsonPath("$.files[0].path").value("rules/causes.drl"))
                .andExpect(jsonPath("$.files[0].type").value("DRL"))
                .andExpect(jsonPath("$.files[0].ruleCount").value(2))
                .andExpect(jsonPath("$.files[1].path").value("rules/routing.drl"))
                .andExpect(jsonPath("$.files[1].ruleCount").value(1));
    }

    @Test
    void aReloadThatGoesLiveAnswersTheNewRuleset() throws Exception {
        folders.set(source("rules/causes.drl", TestData.SAMPLE_CAUSES, "rules/routing.drl", TestData.SAMPLE_ROUTING,
                "rules/more.drl", "package fr.litiges.rules.sample;\nrule \"fourth\" when then end\n"));

        mvc.perform(post("/api/v1/ruleset/reload"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.ruleCount").value(4))
                .andExpect(jsonPath("$.hash").value(activeRuleset.current().hash()))
                .andExpect(jsonPath("$.version").value(activeRuleset.current().version()))
                .andExpect(jsonPath("$.lastReload.outcome").value("APPLIED"))
                .andExpect(jsonPath("$.lastReload.trigger").value("api"))
                .andExpect(jsonPath("$.lastReload.errors.length()").value(0));
        assertThat(activeRuleset.current().ruleCount()).isEqualTo(4);
    }

    @Test
    void aRefusedReloadIs422WithEveryErrorLocatedAndTheRulesetStays() throws Exception {
        Ruleset before = activeRuleset.current();
        folders.set(source("rules/causes.drl", TestData.SAMPLE_CAUSES,
                "rules/broken.drl", "package fr.litiges.rules.sample;\n\nrule \"x\" when String( length > ) then end\n"));

        mvc.perform(post("/api/v1/ruleset/reload"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/ruleset-refused"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.activeVersion").value(before.version()))
                .andExpect(jsonPath("$.errors[0].source").value("rules/broken.drl"))
                .andExpect(jsonPath("$.errors[0].line").value(3));
        assertThat(activeRuleset.current()).isSameAs(before);

        mvc.perform(get("/api/v1/ruleset"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before.version()))
                .andExpect(jsonPath("$.lastReload.outcome").value("REFUSED"))
                .andExpect(jsonPath("$.lastReload.errors[0].source").value("rules/broken.drl"));
    }

    @Test
    void refusalsAreInFrenchUnlessTheCallerAsksForEnglish() throws Exception {
        folders.set(source());

        mvc.perform(post("/api/v1/ruleset/reload"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("aucun fichier de règles")))
                .andExpect(jsonPath("$.errors[0].english").doesNotExist());
        mvc.perform(post("/api/v1/ruleset/reload").header("Accept-Language", "en-GB, fr;q=0.5"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("no rule file found")));
        mvc.perform(get("/api/v1/ruleset").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.lastReload.errors[0].message").value(containsString("no rule file found")));
        mvc.perform(get("/api/v1/ruleset"))
                .andExpect(jsonPath("$.lastReload.errors[0].message").value(startsWith("aucun fichier de règles")));
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/ruleset"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
