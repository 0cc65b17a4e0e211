package fr.litiges.scenario;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.RuleOrigin;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the analysts' scenario books (every {@code *.xlsx} under the scenarios folder) on a
 * ruleset. The same runner serves the JUnit tests, the validate command and the reload gate.
 */
public final class ScenarioRunner {
    private final Path scenariosDir;
    private final DecisionService decisions;
    private final ScenarioBook books;
    private final List<ScenarioBookKind> otherKinds;

    /** With the books of the other kinds found on the class path (META-INF/services), e.g. prevention plans. */
    public ScenarioRunner(Path scenariosDir, DecisionService decisions, JsonMapper json, Validator validator) {
        this(scenariosDir, decisions, json, validator,
                java.util.ServiceLoader.load(ScenarioBookKind.class).stream().map(java.util.ServiceLoader.Provider::get).toList());
    }

    /** With the books of other features (e.g. prevention plans), each read by the first kind that claims it. */
    public ScenarioRunner(Path scenariosDir, DecisionService decisions, JsonMapper json, Validator validator,
                          List<ScenarioBookKind> otherKinds) {
        this.scenariosDir = scenariosDir;
        this.decisions = decisions;
        this.books = new ScenarioBook(json, validator);
        this.otherKinds = List.copyOf(otherKinds);
    }

    public Path scenariosDir() {
        return scenariosDir;
    }

    public ScenarioReport run(Ruleset ruleset) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        int otherScenarios = 0;
        int otherPassed = 0;
        for (Map.Entry<String, byte[]> book : readBooks().entrySet()) {
            ScenarioBookKind kind = otherKinds.stream().filter(k -> k.reads(book.getKey())).findFirst().orElse(null);
            if (kind != null) {
                ScenarioBookKind.Outcome outcome = kind.run(ruleset, book.getKey(), book.getValue(), fired);
                otherScenarios += outcome.scenarios();
                otherPassed += outcome.passed();
                problems.addAll(outcome.problems());
                continue;
            }
            ScenarioBook.Content content = books.read(book.getKey(), book.getValue());
            scenarios.addAll(content.scenarios());
            problems.addAll(content.problems());
        }
        int passed = otherPassed;
        for (Scenario scenario : scenarios) {
            List<RuleProblem> failures = runOne(ruleset, scenario, fired);
            if (failures.isEmpty()) {
                passed++;
            }
            problems.addAll(failures);
        }
        List<RuleOrigin> notFired = ruleset.sourceMap().all().stream()
                .filter(origin -> !fired.contains(origin.source() + '\u0000' + origin.ruleId()))
                .toList();
        return new ScenarioReport(scenarios.size() + otherScenarios, passed, problems, notFired);
    }

    private List<RuleProblem> runOne(Ruleset ruleset, Scenario scenario, Set<String> fired) {
        Decision decision;
        try {
            decision = decisions.decide(ruleset, scenario.complaint(), scenario.language());
        } catch (RuntimeException e) {
            return List.of(RuleProblem.ofScenario(scenario.source(), scenario.sheet(), scenario.row(),
                    "scenario '" + scenario.name() + "' could not be decided: " + e.getMessage()));
        }
        decision.trace().forEach(entry -> fired.add(ScenarioBookKind.firedKey(entry.source(), entry.ruleId())));
        List<RuleProblem> failures = new ArrayList<>();
        scenario.expectations().forEach((expectation, expected) -> {
            String actual = expectation.actual(decision);
            if (!expectation.matches(expected, actual)) {
                failures.add(RuleProblem.ofScenario(scenario.source(), scenario.sheet(), scenario.row(),
                        "scenario '" + scenario.name() + "': " + expectation.header() + " expected " + expected.trim()
                                + ", actual " + (actual.isEmpty() ? "(none)" : actual)));
            }
        });
        return failures;
    }

    /** Scenario books by source path ("scenarios/x.xlsx"), skipping editors' lock and hidden files. */
    private Map<String, byte[]> readBooks() {
        Map<String, byte[]> found = new java.util.TreeMap<>();
        if (!Files.isDirectory(scenariosDir)) {
            return found;
        }
        String label = scenariosDir.toAbsolutePath().normalize().getFileName().toString();
        try (Stream<Path> walk = Files.walk(scenariosDir)) {
            for (Path path : walk.sorted().toList()) {
                String name = path.getFileName().toString();
                if (Files.isRegularFile(path) && name.toLowerCase(Locale.ROOT).endsWith(".xlsx") && !RuleFolders.isEditorLeftover(name)) {
                    found.put(label + "/" + scenariosDir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + scenariosDir + ": " + e.getMessage(), e);
        }
        return found;
    }
}
