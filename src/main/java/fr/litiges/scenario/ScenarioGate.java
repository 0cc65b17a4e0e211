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

    @Override
    public List<RuleProblem> check(Ruleset candidate) {
        return runner.run(candidate).problems();
    }
}
