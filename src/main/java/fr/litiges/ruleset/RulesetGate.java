package fr.litiges.ruleset;

import java.util.List;

/**
 * A check a freshly compiled ruleset must pass before it may serve decisions, such as the
 * analysts' scenarios. Declared here and implemented by the scenario feature, so the ruleset
 * feature does not depend on how decisions are made.
 */
public interface RulesetGate {

    /** Every problem found; empty when the candidate may go live. */
    List<RuleProblem> check(Ruleset candidate);
}
