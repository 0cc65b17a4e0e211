package fr.litiges.scenario;

import fr.litiges.decision.DecisionFailedException;
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
import java.util.LinkedHashMap;
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

    /** Runs the books of the scenarios folder. */
    public ScenarioReport run(Ruleset ruleset) {
        return run(ruleset, readBooks());
    }

    /** Runs the given books (path → bytes), e.g. those of a stored version or an uploaded candidate. */
    public ScenarioReport run(Ruleset ruleset, Map<String, byte[]> booksByPath) {
        return runAll(ruleset, booksByPath).report();
    }

    /** One expected value a scenario's decision no longer meets. */
    private record Mismatch(Scenario scenario, Expectation expectation, String expected, String actual) {
    }

    private record Run(ScenarioReport report, List<Mismatch> mismatches, Map<String, byte[]> books) {
    }

    private Run runAll(Ruleset ruleset, Map<String, byte[]> booksByPath) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, byte[]> books = new java.util.TreeMap<>(booksByPath);
        Set<String> fired = new HashSet<>();
        List<Mismatch> mismatches = new ArrayList<>();
        int otherScenarios = 0;
        int otherPassed = 0;
        for (Map.Entry<String, byte[]> book : books.entrySet()) {
            ScenarioBookKind kind = otherKinds.stream().filter(k -> k.reads(book.getKey())).findFirst().orElse(null);
            // One book that cannot be played is that book's problem: the others still run, so the
            // refusal still lists, table by table, the rows no scenario covers.
            try {
                if (kind != null) {
                    ScenarioBookKind.Outcome outcome = kind.run(ruleset, book.getKey(), book.getValue(), fired);
                    otherScenarios += outcome.scenarios();
                    otherPassed += outcome.passed();
                    problems.addAll(outcome.problems());
                    continue;
                }
                ScenarioBook.Content content = this.books.read(book.getKey(), book.getValue());
                scenarios.addAll(content.scenarios());
                problems.addAll(content.problems());
            } catch (RuntimeException e) {
                problems.add(new RuleProblem(book.getKey(), null, null, null, null,
                        "ce classeur de scénarios n'a pas pu être joué ; ses scénarios ne comptent pas dans la couverture ci-dessous "
                                + "(détail technique : " + RuleProblem.rootMessage(e) + ")",
                        "this scenario book could not be played; its scenarios do not count in the coverage below (technical detail: "
                                + RuleProblem.rootMessage(e) + ")"));
            }
        }
        int passed = otherPassed;
        for (Scenario scenario : scenarios) {
            List<RuleProblem> failures = runOne(ruleset, scenario, fired, mismatches);
            if (failures.isEmpty()) {
                passed++;
            }
            problems.addAll(failures);
        }
        List<RuleOrigin> notFired = ruleset.sourceMap().all().stream()
                .filter(origin -> !fired.contains(origin.source() + '\u0000' + origin.ruleId()))
                .toList();
        return new Run(new ScenarioReport(scenarios.size() + otherScenarios, passed, problems, notFired), mismatches, books);
    }

    /**
     * After a deliberate change of the rules: the scenario books with the expected values the
     * ruleset now gives written in (copies in memory; the books on disk are never touched), and
     * each change for review. Scenarios that cannot be decided or read are left as they are and
     * stay in {@link Acceptance#remaining()}. The versions API can call this for a candidate.
     */
    public Acceptance accept(Ruleset ruleset) {
        return accept(ruleset, readBooks());
    }

    /** The same for given books (path → bytes), e.g. those of a candidate. */
    public Acceptance accept(Ruleset ruleset, Map<String, byte[]> booksByPath) {
        Run run = runAll(ruleset, booksByPath);
        Map<String, List<Mismatch>> bySource = new LinkedHashMap<>();
        run.mismatches().forEach(m -> bySource.computeIfAbsent(m.scenario().source(), k -> new ArrayList<>()).add(m));
        Map<String, byte[]> rewritten = new LinkedHashMap<>();
        List<Acceptance.Change> changes = new ArrayList<>();
        for (Map.Entry<String, List<Mismatch>> book : bySource.entrySet()) {
            rewritten.put(book.getKey(), ScenarioBook.rewrite(run.books().get(book.getKey()), book.getValue().stream()
                    .map(m -> new ScenarioBook.Rewrite(m.scenario().sheet(), m.scenario().expectedCells().get(m.expectation()),
                            m.expectation(), m.actual()))
                    .toList()));
            for (Mismatch m : book.getValue()) {
                changes.add(new Acceptance.Change(m.scenario().source(), m.scenario().sheet(), m.scenario().row(),
                        m.scenario().expectedCells().get(m.expectation()), m.expectation().header(), m.scenario().name(),
                        m.expected().trim(), m.actual()));
            }
        }
        // what no rewrite settles: every problem but the expected values just written (a prevention book's included)
        Set<String> rewrittenCells = new HashSet<>();
        run.mismatches().forEach(m -> rewrittenCells.add(m.scenario().source() + '\u0000' + m.scenario().sheet() + '\u0000'
                + m.scenario().expectedCells().get(m.expectation())));
        List<RuleProblem> remaining = run.report().problems().stream()
                .filter(p -> p.cell() == null || !rewrittenCells.contains(p.source() + '\u0000' + p.sheet() + '\u0000' + p.cell()))
                .toList();
        return new Acceptance(rewritten, changes, remaining);
    }

    private List<RuleProblem> runOne(Ruleset ruleset, Scenario scenario, Set<String> fired, List<Mismatch> mismatches) {
        Decision decision;
        try {
            decision = decisions.decide(ruleset, scenario.complaint(), scenario.language());
        } catch (RuntimeException e) {
            return List.of(new RuleProblem(scenario.source(), scenario.sheet(), scenario.row(), null, null,
                    "le scénario « " + scenario.name() + " » n'a pas pu être décidé : "
                            + (e instanceof DecisionFailedException failed ? failed.french() : e.getMessage()),
                    "scenario '" + scenario.name() + "' could not be decided: " + e.getMessage()));
        }
        decision.trace().forEach(entry -> fired.add(ScenarioBookKind.firedKey(entry.source(), entry.ruleId())));
        List<RuleProblem> failures = new ArrayList<>();
        scenario.expectations().forEach((expectation, expected) -> {
            String actual = expectation.actual(decision);
            if (!expectation.matches(expected, actual)) {
                mismatches.add(new Mismatch(scenario, expectation, expected, actual));
                String cell = scenario.expectedCells().get(expectation);
                failures.add(RuleProblem.ofScenarioCell(scenario.source(), scenario.sheet(), scenario.row(), cell,
                        cell + " (" + expectation.header() + ") : scénario « " + scenario.name() + " » : attendu " + expected.trim()
                                + ", obtenu " + (actual.isEmpty() ? "(aucun)" : actual)
                                + " ; si le changement est voulu, validate --accept (ou, pour un candidat, POST …/candidates/{id}/accept) écrit l'obtenu "
                                + "dans une copie du classeur",
                        cell + " (" + expectation.header() + "): scenario '" + scenario.name() + "': expected " + expected.trim()
                                + ", actual " + (actual.isEmpty() ? "(none)" : actual)));
            }
        });
        return failures;
    }

    private Map<String, byte[]> readBooks() {
        return readBooks(scenariosDir);
    }

    /** Scenario books of a folder by source path ("scenarios/x.xlsx"), skipping editors' lock and hidden files. */
    static Map<String, byte[]> readBooks(Path scenariosDir) {
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
