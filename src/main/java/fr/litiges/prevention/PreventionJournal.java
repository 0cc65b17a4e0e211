package fr.litiges.prevention;

import fr.litiges.decision.api.Decision.TraceEntry;
import fr.litiges.decision.facts.CauseFinding;
import fr.litiges.ruleset.RuleOrigin;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.SourceMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * What happened while one portfolio was planned in one session. Every fact Java inserts belongs
 * to one invoice's plan; a firing belongs to the plan of the facts it matched, and what that firing
 * inserts belongs to the same plan. So each plan gets its own trace, of the rows that fired (a
 * first-match table's other matching rows are cancelled, so they never appear).
 */
final class PreventionJournal extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final SourceMap sourceMap;
    private final long deadline;
    private final Map<Object, Integer> planOf = new IdentityHashMap<>();
    private final List<List<TraceEntry>> traces;
    private final List<List<CauseFinding>> findings;
    private int fired;
    private boolean overBudget;
    private Rule firing;
    private Integer firingPlan;
    private RuleOrigin last;

    PreventionJournal(SourceMap sourceMap, long deadlineNanos, int plans) {
        this.sourceMap = sourceMap;
        this.deadline = deadlineNanos;
        this.traces = new ArrayList<>(plans);
        this.findings = new ArrayList<>(plans);
        for (int i = 0; i < plans; i++) {
            traces.add(new ArrayList<>());
            findings.add(new ArrayList<>());
        }
    }

    /** Declares the plan a fact inserted by Java belongs to. */
    <T> T own(int plan, T fact) {
        planOf.put(fact, plan);
        return fact;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule();
        firingPlan = null;
        for (Object object : event.getMatch().getObjects()) {
            Integer plan = planOf.get(object);
            if (plan != null) {
                firingPlan = plan;
                break;
            }
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired++;
        RuleOrigin origin = sourceMap.originOf(firing.getPackageName(), firing.getName());
        last = origin;
        if (firingPlan != null) {
            traces.get(firingPlan).add(new TraceEntry(origin.ruleId(), origin.ruleName(), origin.source(), origin.sheet(), origin.row(), origin.line()));
        }
        firing = null;
        firingPlan = null;
        if (System.nanoTime() - deadline > 0) {
            overBudget = true;
            ((org.kie.api.runtime.rule.RuleRuntime) event.getKieRuntime()).halt();
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object object = event.getObject();
        Rule rule = event.getRule();
        if (rule == null || firingPlan == null) {
            return;
        }
        planOf.put(object, firingPlan);
        if (object instanceof CauseFinding finding) {
            finding.stampRule(sourceMap.originOf(rule.getPackageName(), rule.getName()).ruleId());
            findings.get(firingPlan).add(finding);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // the trace already shows the rule that updated it
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof CauseFinding finding) {
            Integer plan = planOf.get(finding);
            if (plan != null) {
                findings.get(plan).remove(finding);
            }
        }
    }

    List<TraceEntry> trace(int plan) {
        return List.copyOf(traces.get(plan));
    }

    List<CauseFinding> findings(int plan) {
        return findings.get(plan);
    }

    int firedCount() {
        return fired;
    }

    boolean overBudget() {
        return overBudget;
    }

    String lastFired() {
        return last == null ? "no rule" : last.describe();
    }

    String describeFailure(RuntimeException e) {
        String where = firing == null ? "while matching" : "in " + sourceMap.originOf(firing.getPackageName(), firing.getName()).describe();
        return where + ": " + RuleProblem.rootMessage(e);
    }

    String lastFiredFrench() {
        return last == null ? "aucune règle" : last.describeFrench();
    }

    /** The same in French, for an analyst: where the rule comes from, then what to check; a row's own mistake keeps its words. */
    String describeFailureFrench(RuntimeException e) {
        String where = firing == null ? "pendant l'examen des conditions"
                : "dans " + sourceMap.originOf(firing.getPackageName(), firing.getName()).describeFrench();
        Throwable cause = e;
        while (cause != null && !(cause instanceof fr.litiges.decision.facts.RowMistake)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String what = cause instanceof fr.litiges.decision.facts.RowMistake mistake ? mistake.french()
                : "erreur à l'exécution ; vérifiez les valeurs de cette règle (détail technique : " + RuleProblem.rootMessage(e) + ")";
        return where + " : " + what;
    }

}
