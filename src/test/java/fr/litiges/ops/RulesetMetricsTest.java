package fr.litiges.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule hit counters and the active-version gauge follow the active ruleset, with a bounded number of labels. */
class RulesetMetricsTest {
    private static final String SOURCE = "rules/ops-test.drl";
    private static Ruleset twoRules;
    private static Ruleset oneOtherRule;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ActiveRuleset active = mock(ActiveRuleset.class);

    @BeforeAll
    static void compile(@TempDir Path root) throws IOException {
        twoRules = compile(root.resolve("v1"), "rule \"first\" when then end\nrule \"second\" when then end\n");
        oneOtherRule = compile(root.resolve("v2"), "rule \"third\" when then end\n");
    }

    private static Ruleset compile(Path root, String rules) throws IOException {
        Files.createDirectories(root.resolve("rules"));
        Files.createDirectories(root.resolve("decision-tables"));
        Files.writeString(root.resolve(SOURCE), "package fr.litiges.rules.ops;\n\n" + rules);
        RulesetCompilation compilation = new fr.litiges.ruleset.RulesetCompiler()
                .compile(new RuleFolders(root.resolve("rules"), root.resolve("decision-tables")));
        assertThat(compilation.problems()).isEmpty();
        return compilation.ruleset();
    }

    private RulesetMetrics metricsOn(Ruleset ruleset, int maxRuleLabels) {
        when(active.current()).thenReturn(ruleset);
        RulesetMetrics metrics = new RulesetMetrics(registry, active, maxRuleLabels);
        metrics.sync();
        return metrics;
    }

    private static Decision decidedOn(Ruleset ruleset, String... ruleIds) {
        List<Decision.TraceEntry> trace = Arrays.stream(ruleIds)
                .map(id -> new Decision.TraceEntry(id, id, SOURCE, null, null, 3)).toList();
        return new Decision("d", "c", Instant.EPOCH, new Decision.RulesetRef(ruleset.version(), ruleset.hash()),
                null, null, null, null, trace);
    }

    /** ruleId -> count of every rule hit counter now registered. */
    private Map<String, Double> hits() {
        Map<String, Double> hits = new TreeMap<>();
        for (Counter counter : registry.find(RulesetMetrics.RULE_HITS).counters()) {
            hits.put(counter.getId().getTag("ruleId") + "@" + counter.getId().getTag("source"), counter.count());
        }
        return hits;
    }

    private List<String> activeVersions() {
        return registry.find(RulesetMetrics.ACTIVE).gauges().stream()
                .filter(gauge -> gauge.value() == 1)
                .map(gauge -> gauge.getId().getTag("version") + " " + gauge.getId().getTag("hash")).toList();
    }

    @Test
    void everyRuleOfTheActiveRulesetIsCountedFromZeroSoDeadRulesShow() {
        RulesetMetrics metrics = metricsOn(twoRules, 100);

        metrics.countHits(decidedOn(twoRules, "first", "first"));

        assertThat(hits()).containsEntry("first@" + SOURCE, 2.0).containsEntry("second@" + SOURCE, 0.0)
                .containsEntry("_other@_other", 0.0).hasSize(3);
        assertThat(activeVersions()).containsExactly(twoRules.version() + " " + twoRules.hash());
    }

    @Test
    void rulesBeyondTheLabelCapShareOneCounter() {
        RulesetMetrics metrics = metricsOn(twoRules, 1);

        metrics.countHits(decidedOn(twoRules, "first", "second", "unknown-rule"));

        assertThat(hits()).hasSize(2).containsEntry("first@" + SOURCE, 1.0).containsEntry("_other@_other", 2.0);
    }

    @Test
    void anotherActiveRulesetReplacesTheLabelsAndRestartsTheCounts() {
        RulesetMetrics metrics = metricsOn(twoRules, 100);
        metrics.countHits(decidedOn(twoRules, "first"));

        when(active.current()).thenReturn(oneOtherRule);
        metrics.sync();

        assertThat(hits()).containsOnlyKeys("third@" + SOURCE, "_other@_other").allSatisfy((rule, count) -> assertThat(count).isZero());
        assertThat(activeVersions()).containsExactly(oneOtherRule.version() + " " + oneOtherRule.hash());
        assertThat(registry.find(RulesetMetrics.ACTIVE).gauges()).extracting(Gauge::value).containsOnly(1.0);
    }

    @Test
    void aDecisionStillOnThePreviousRulesetIsNotCounted() {
        RulesetMetrics metrics = metricsOn(twoRules, 100);
        when(active.current()).thenReturn(oneOtherRule);

        metrics.countHits(decidedOn(twoRules, "first"));
        metrics.countHits(decidedOn(oneOtherRule, "third"));

        assertThat(hits()).containsEntry("third@" + SOURCE, 1.0).doesNotContainKey("first@" + SOURCE);
    }

    @Test
    void whileNoRulesetIsActiveYetThereIsNoVersionAndNoRuleCounterAndTheFirstActivationShows() {
        when(active.current()).thenThrow(new IllegalStateException("no ruleset is active yet"));
        RulesetMetrics metrics = new RulesetMetrics(registry, active, 100);
        metrics.sync();

        assertThat(hits()).isEmpty();
        assertThat(activeVersions()).isEmpty();

        org.mockito.Mockito.reset(active);
        when(active.current()).thenReturn(twoRules);
        metrics.sync();
        assertThat(activeVersions()).containsExactly(twoRules.version() + " " + twoRules.hash());
    }
}
