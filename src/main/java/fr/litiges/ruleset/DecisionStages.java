package fr.litiges.ruleset;

import java.util.List;

/**
 * The stages of a decision, in the order they run: each is an agenda group, and a decision
 * puts them on the engine's focus stack once, first stage on top, before its single
 * {@code fireAllRules}. A rule or table names its stage with {@code ruleflow-group} (Drools 10
 * deprecates {@code agenda-group}, still accepted: its compiler files a ruleflow-group rule under
 * the agenda group of the same name, so the focus below, activation groups and auto-focus behave
 * the same, in the classic engine and across reloads, with no process); one that names none runs
 * in the engine's default group, after every stage. The rules say what each stage holds
 * ({@code rules/*.drl} and the row above each table's "RuleTable" cell).
 */
public final class DecisionStages {
    /** financement: the cost of money and the default payment terms (hence the invoices' due dates);
     *  indices: what the data, reason codes and words prove; seconde-lecture: what the second reader's
     *  opinion of the words changes to that (rules/second-reader.drl); arbitrage: which findings stand;
     *  preseance: the rank of each sub-cause that stands; cause: the ranking and the primary cause;
     *  echelle: the customer's escalation ladder;
     *  canal: the channel to recommend and the way after it; paiement: the payment assumptions;
     *  impact: the payment-delay arithmetic; routage: departments, priority and actions. */
    public static final List<String> ORDER = List.of("financement", "indices", "seconde-lecture", "arbitrage", "preseance", "cause", "echelle", "canal", "paiement",
            "impact", "routage");

    private DecisionStages() {
    }

    /** Puts the stages on the session's focus stack, the first on top; done once, before the decision's only fireAllRules. */
    public static void focus(org.kie.api.runtime.KieSession session) {
        for (int i = ORDER.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(ORDER.get(i)).setFocus();
        }
    }

    public static boolean known(String stage) {
        return ORDER.contains(stage);
    }
}
