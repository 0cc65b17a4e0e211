package fr.litiges.decision;

import fr.litiges.decision.api.Decision.TraceEntry;
import fr.litiges.decision.api.Trace;
import fr.litiges.decision.api.TraceEntryJson;
import fr.litiges.decision.facts.CauseFinding;
import fr.litiges.decision.facts.ReaderThreshold;
import fr.litiges.decision.facts.SecondReading;
import fr.litiges.decision.facts.RowMistake;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.RuleOrigin;
import fr.litiges.ruleset.SourceMap;
import fr.litiges.text.PatternMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * What happened during one decision: every rule fired, in order, with where it comes from
 * (the trace), how often (the firing cap) and for how long (the time budget). The answers
 * themselves are read from the session with queries. One journal per decision, attached to that decision's session
 * only, so concurrent decisions never share it.
 */
final class DecisionJournal extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final SourceMap sourceMap;
    private final TracedRules tracedRules;
    private final List<TraceEntry> trace = new ArrayList<>();
    /** Each entry's JSON, known before the decision: the answer copies it rather than writing it again. */
    private final List<TraceEntryJson> traceJson = new ArrayList<>();
    private final int maxTrace;
    private int fired;
    private TraceEntry last;
    private TraceEntry loopingEntry;
    /** Firings per rule and exact set of facts: an engine fires a match once unless a rule loops. */
    private final Map<Firing, Integer> repeats = new HashMap<>();
    private int loopingCount;
    /** The text patterns found, listed before the rules in the trace; not rule firings, so not counted as such. */
    private final List<TraceEntry> textTrace = new ArrayList<>();
    private final List<TraceEntryJson> textTraceJson = new ArrayList<>();
    private Rule firing;
    private final WorkClock clock;
    private final long budget;
    private boolean overBudget;

    /**
     * @param maxTrace     trace entries kept; the firings after them are counted, not listed
     * @param clock        measures the decision's own work (the thread's processor time)
     * @param budgetNanos  work allowed to this decision
     */
    DecisionJournal(SourceMap sourceMap, int maxTrace, WorkClock clock, long budgetNanos) {
        this.sourceMap = sourceMap;
        this.tracedRules = TracedRules.of(sourceMap);
        this.maxTrace = maxTrace;
        this.clock = clock;
        this.budget = clock.now() + budgetNanos;
    }

    DecisionJournal(SourceMap sourceMap, long deadlineNanos) {
        this(sourceMap, Integer.MAX_VALUE, WorkClock.WALL, deadlineNanos - System.nanoTime());
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        RuleOrigin origin = sourceMap.originOf(rule);
        TracedRules.Traced traced = tracedRules.of(origin);
        last = traced.entry();
        if (trace.size() < maxTrace) {
            trace.add(last);
            traceJson.add(traced.json());
        }
        fired++;
        List<? extends FactHandle> handles = event.getMatch().getFactHandles();
        countRepeat(rule, handles);
        readerRows(handles);
        firing = null;
        // Reading the clock every 16 firings keeps its cost out of the decision's time.
        if ((fired & 15) == 0 && clock.now() - budget > 0) {
            // Between two firings is the only place a running session can be stopped safely.
            overBudget = true;
            ((org.kie.api.runtime.rule.RuleRuntime) event.getKieRuntime()).halt();
        }
    }

    private void countRepeat(Rule rule, List<? extends FactHandle> handles) {
        long[] facts = new long[handles.size()];
        for (int i = 0; i < facts.length; i++) {
            FactHandle handle = handles.get(i);
            facts[i] = handle instanceof InternalFactHandle internal ? internal.getId() : System.identityHashCode(handle);
        }
        int count = repeats.merge(new Firing(rule, facts), 1, Integer::sum);
        if (count > loopingCount) {
            loopingCount = count;
            loopingEntry = last;
        }
    }

    /** One rule on one exact set of facts (their handles' numbers in this session); compared without building names. */
    private record Firing(Rule rule, long[] facts) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Firing firing && firing.rule == rule && java.util.Arrays.equals(firing.facts, facts);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(rule) + java.util.Arrays.hashCode(facts);
        }
    }

    /** The rule that fired most often on one and the same set of facts, when it did so more than once. */
    String loopingRule() {
        return loopingCount > 1 ? describe(loopingEntry) + " fired " + loopingCount + " times on the same facts" : null;
    }

    String loopingRuleFrench() {
        return loopingCount > 1 ? describeFrench(describeOrigin(loopingEntry)) + " (règle « " + loopingEntry.ruleName() + " ») s'est déclenchée " + loopingCount + " fois sur les mêmes faits" : null;
    }

    boolean traceTruncated() {
        return fired > trace.size();
    }

    boolean overBudget() {
        return overBudget;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object object = event.getObject();
        Rule rule = event.getRule();
        if (object instanceof CauseFinding finding && rule != null) {
            finding.stampRule(sourceMap.originOf(rule).ruleId());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // nothing to record: the trace already shows the rule that updated it
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // nothing to record: the answers are read from the session with queries
    }

    int firedCount() {
        return fired;
    }

    Trace trace() {
        if (textTrace.isEmpty()) {
            return new Trace(trace, traceJson);
        }
        List<TraceEntry> all = new ArrayList<>(textTrace);
        all.addAll(trace);
        List<TraceEntryJson> json = new ArrayList<>(textTraceJson);
        json.addAll(traceJson);
        return new Trace(all, json);
    }

    /**
     * A rule of rules/second-reader.drl used a threshold row of causes.xlsx "Second lecteur": the row is named
     * in the trace with the reader's opinion (its words and examples), as the text pattern rows are.
     */
    private void readerRows(List<? extends FactHandle> handles) {
        ReaderThreshold threshold = null;
        SecondReading reading = null;
        for (FactHandle handle : handles) {
            Object fact = handle instanceof InternalFactHandle internal ? internal.getObject() : null;
            if (fact instanceof ReaderThreshold t) {
                threshold = t;
            } else if (fact instanceof SecondReading r) {
                reading = r;
            }
        }
        if (threshold != null && reading != null) {
            textTrace.add(new TraceEntry(threshold.getId(), threshold.getSheet() + ", row " + threshold.getRow() + ": " + threshold.getUse()
                    + " (probability ≥ " + threshold.getProbability() + ", margin ≥ " + threshold.getMargin() + "), the customer's words read as "
                    + reading.getSubCause() + ": " + reading.getExplanation(), threshold.getSource(), threshold.getSheet(), threshold.getRow(), null));
            // its name is the reading's own: written field by field
            textTraceJson.add(null);
        }
    }

    /** A text pattern row found in the customer's words: its row, and the concept rows behind it. */
    void textMatched(PatternMatch match) {
        PatternMatch.TableRow row = match.pattern();
        TracedRules.PatternRow traced = tracedRules.patternRow(match);
        // The row's part of the name is made once per ruleset; a row read with another text or weight (none in one ruleset) is named afresh.
        String prefix = traced.patternText().equals(match.patternText()) && Double.compare(traced.weight(), match.weight()) == 0
                ? traced.namePrefix() : TracedRules.PatternRow.namePrefix(row, match.patternText(), match.weight());
        textTrace.add(TracedRules.textEntry(row, prefix + match.quote() + "» by " + String.join(", ", match.concepts())));
        textTraceJson.add(traced.json());
    }

    String lastFired() {
        return last == null ? "no rule" : describe(last);
    }

    String lastFiredFrench() {
        return last == null ? "aucune règle" : describeFrench(describeOrigin(last)) + " (règle « " + last.ruleName() + " »)";
    }

    /** Names the rule that was firing when the failure happened, in the analyst's terms. */
    String describeFailure(RuntimeException e) {
        String where = firing == null ? "while matching" : "in " + sourceMap.originOf(firing.getPackageName(), firing.getName()).describe();
        return where + ": " + RuleProblem.rootMessage(e);
    }

    /** The same in French; a row's own mistake (such as a ladder gap) keeps its French wording. */
    String describeFailureFrench(RuntimeException e) {
        String where = firing == null ? "pendant l'examen des conditions"
                : "dans " + describeFrench(sourceMap.originOf(firing.getPackageName(), firing.getName()));
        Throwable cause = e;
        while (cause != null && !(cause instanceof RowMistake)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String what = cause instanceof RowMistake mistake ? mistake.french()
                : "erreur à l'exécution ; vérifiez les valeurs de cette règle (détail technique : " + RuleProblem.rootMessage(e) + ")";
        return where + " : " + what;
    }

    private static RuleOrigin describeOrigin(TraceEntry entry) {
        return new RuleOrigin(entry.ruleId(), entry.ruleName(), entry.source(), entry.sheet(), entry.row(), entry.line());
    }

    private static String describe(TraceEntry entry) {
        return describeOrigin(entry).describe();
    }

    private static String describeFrench(RuleOrigin origin) {
        if (origin.source() == null) {
            return "la règle « " + origin.ruleName() + " »";
        }
        if (origin.sheet() != null) {
            return origin.source() + ", feuille " + origin.sheet() + ", ligne " + origin.row();
        }
        return origin.source() + (origin.line() != null ? ", ligne " + origin.line() : "");
    }
}
