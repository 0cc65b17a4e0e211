package fr.litiges.decision.facts;

/**
 * A fact the decision service reads back once the stages have run: the ranked causes, the
 * channel recommended with its rationales, names, way and durations, the payment answers and
 * figures, the routing outcomes. One query of fr/litiges/decision/results.drl finds them all,
 * so that a decision runs one query instead of one per kind of answer.
 */
public interface DecisionAnswer {
}
