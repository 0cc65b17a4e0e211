package fr.litiges.scenario;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.Ruleset;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many of the analysts' scenarios fire each rule of a ruleset, so the console can show, per
 * table row or DRL rule, whether any scenario covers it. Counted once per ruleset hash and kept:
 * a run of every scenario costs about as much as a reload's gate.
 */
public final class ScenarioCoverage {
    private final Path scenariosDir;
    private final DecisionService decisions;
    private final ScenarioBook books;
    private final AtomicReference<Counted> last = new AtomicReference<>();

    /** Scenarios firing each rule, keyed by {@link #key(String, String)}, and how many scenarios ran. */
    public record Counts(String hash, int scenarios, Map<String, Integer> byRule) {
        public Counts {
            byRule = Map.copyOf(byRule);
        }

        public int firing(String source, String ruleId) {
            return byRule.getOrDefault(key(source, ruleId), 0);
        }
    }

    private record Counted(String hash, Counts counts) {
    }

    public ScenarioCoverage(Path scenariosDir, DecisionService decisions, JsonMapper json, Validator validator) {
        this.scenariosDir = scenariosDir;
        this.decisions = decisions;
        this.books = new ScenarioBook(json, validator);
    }

    public Path scenariosDir() {
        return scenariosDir;
    }

    public static String key(String source, String ruleId) {
        return source + '\u0000' + ruleId;
    }

    public Counts count(Ruleset ruleset) {
        Counted counted = last.get();
        if (counted != null && counted.hash().equals(ruleset.hash())) {
            return counted.counts();
        }
        Counts counts = run(ruleset);
        last.set(new Counted(ruleset.hash(), counts));
        return counts;
    }

    private Counts run(Ruleset ruleset) {
        Map<String, Integer> byRule = new HashMap<>();
        int scenarios = 0;
        for (Map.Entry<String, byte[]> book : books().entrySet()) {
            for (Scenario scenario : books.read(book.getKey(), book.getValue()).scenarios()) {
                scenarios++;
                Decision decision;
                try {
                    decision = decisions.decide(ruleset, scenario.complaint(), scenario.language());
                } catch (RuntimeException e) {
                    continue; // the gate reports it; here it simply fires nothing
                }
                Set<String> fired = new HashSet<>();
                decision.trace().forEach(entry -> fired.add(key(entry.source(), entry.ruleId())));
                fired.forEach(rule -> byRule.merge(rule, 1, Integer::sum));
            }
        }
        return new Counts(ruleset.hash(), scenarios, byRule);
    }

    /** The scenario books' paths in the ruleset ("scenarios/x.xlsx"), sorted. */
    public List<String> bookPaths() {
        return List.copyOf(books().keySet());
    }

    private Map<String, byte[]> books() {
        return ScenarioRunner.readBooks(scenariosDir);
    }
}
