package fr.litiges.scenario;

import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetGate;
import fr.litiges.ruleset.RulesetSource;

/**
 * A ruleset goes live only if every scenario of the analysts' books, taken from the same content
 * as its rules, passes on it. The scenarios run even when the gate is not enforced: they warm the
 * new rules up, so the first real request does not pay for it.
 */
final class ScenarioGate implements RulesetGate {
    private final ScenarioRunner runner;
    private final boolean enforced;

    ScenarioGate(ScenarioRunner runner, boolean enforced) {
        this.runner = runner;
        this.enforced = enforced;
    }

    ScenarioGate(ScenarioRunner runner) {
        this(runner, true);
    }

    /** On a refusal, the table rows no scenario covers are listed too, table by table. */
    @Override
    public Verdict check(Ruleset candidate, RulesetSource source) {
        ScenarioReport report = runner.run(candidate, source.scenarioBooks());
        if (!report.allPassed() && report.problems().stream().anyMatch(p -> p.english() != null && p.english().contains("time budget"))) {
            // A fresh ruleset's first decisions are slow on a busy machine: once warm, a rule that really loops still fails.
            report = runner.run(candidate, source.scenarioBooks());
        }
        if (!enforced || report.allPassed()) {
            return new Verdict(report.scenarios(), report.passed(), java.util.List.of());
        }
        java.util.List<fr.litiges.ruleset.RuleProblem> problems = new java.util.ArrayList<>(report.problems());
        problems.addAll(report.coverageProblems());
        return new Verdict(report.scenarios(), report.passed(), problems);
    }
}
