package fr.litiges.scenario;

import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetGate;
import java.util.List;

/** A ruleset goes live only if every scenario of the analysts passes on it. */
final class ScenarioGate implements RulesetGate {
    private final ScenarioRunner runner;

    ScenarioGate(ScenarioRunner runner) {
        this.runner = runner;
    }

    /** On a refusal, the table rows no scenario covers are listed too, table by table. */
    @Override
    public List<RuleProblem> check(Ruleset candidate) {
        ScenarioReport report = runner.run(candidate);
        if (report.allPassed()) {
            return List.of();
        }
        List<RuleProblem> problems = new java.util.ArrayList<>(report.problems());
        problems.addAll(report.coverageProblems());
        return problems;
    }
}
