package fr.litiges.decision;

import fr.litiges.decision.api.Decision.TraceEntry;
import fr.litiges.decision.api.TraceEntryJson;
import fr.litiges.ruleset.RuleOrigin;
import fr.litiges.ruleset.SourceMap;
import fr.litiges.text.PatternMatch;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trace entries of one ruleset's rules, each built once with its JSON (the first time the
 * rule fires) and shared by every decision on that ruleset: a rule's entry never changes, and
 * writing its JSON again in every answer was a large part of an HTTP decision's cost. Also the
 * JSON around a text pattern row's name, which quotes the customer's words at each decision.
 */
final class TracedRules {
    /** One per ruleset, dropped with it: a reload leaves its rules behind. */
    private static final Map<SourceMap, TracedRules> BY_RULESET = Collections.synchronizedMap(new WeakHashMap<>());
    /** The last ruleset asked for, found without a lock (almost every decision runs on the active ruleset). */
    private static volatile Last last;

    private record Last(SourceMap sourceMap, TracedRules rules) {
    }

    record Traced(TraceEntry entry, TraceEntryJson json) {
    }

    private final Map<RuleOrigin, Traced> rules = new ConcurrentHashMap<>();
    private final Map<PatternMatch.TableRow, PatternRow> patternRows = new ConcurrentHashMap<>();

    /**
     * A text pattern row as every decision traces it: the JSON around its name, and the start of the name up to the
     * customer's words ("Motifs de texte, row 5: FACTURE + JAMAIS within 6 words → … (weight 1.0), found in «"), made once.
     */
    record PatternRow(TraceEntryJson json, String patternText, double weight, String namePrefix) {
        static String namePrefix(PatternMatch.TableRow row, String patternText, double weight) {
            return row.sheet() + ", row " + row.row() + ": " + patternText + " (weight " + weight + "), found in «";
        }
    }

    private TracedRules() {
    }

    static TracedRules of(SourceMap sourceMap) {
        Last seen = last;
        if (seen != null && seen.sourceMap() == sourceMap) {
            return seen.rules();
        }
        TracedRules rules = BY_RULESET.computeIfAbsent(sourceMap, k -> new TracedRules());
        last = new Last(sourceMap, rules);
        return rules;
    }

    Traced of(RuleOrigin origin) {
        Traced traced = rules.get(origin);
        return traced != null ? traced : rules.computeIfAbsent(origin, TracedRules::trace);
    }

    private static Traced trace(RuleOrigin origin) {
        TraceEntry entry = new TraceEntry(origin.ruleId(), origin.ruleName(), origin.source(), origin.sheet(), origin.row(), origin.line());
        return new Traced(entry, TraceEntryJson.of(entry));
    }

    /** A text pattern row's traced parts, made the first time one of its matches is traced. */
    PatternRow patternRow(PatternMatch match) {
        PatternRow known = patternRows.get(match.pattern());
        return known != null ? known : patternRows.computeIfAbsent(match.pattern(), r -> new PatternRow(
                TraceEntryJson.aroundName(r.ruleId(), r.source(), r.sheet(), r.row(), null), match.patternText(), match.weight(),
                PatternRow.namePrefix(r, match.patternText(), match.weight())));
    }

    static TraceEntry textEntry(PatternMatch.TableRow row, String name) {
        return new TraceEntry(row.ruleId(), name, row.source(), row.sheet(), row.row(), null);
    }
}
