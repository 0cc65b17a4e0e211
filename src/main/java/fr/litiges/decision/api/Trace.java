package fr.litiges.decision.api;

import fr.litiges.decision.api.Decision.TraceEntry;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A decision's trace, an unmodifiable list of its entries in firing order, which also carries
 * each entry's JSON when it is known before the decision: a rule's entry is the same in every
 * decision, so its JSON is written once per ruleset rule and then copied into every answer
 * (see {@link TraceJson}). Readers use it as any list; writers without that JSON still work.
 */
public final class Trace extends AbstractList<TraceEntry> implements RandomAccess {
    private final TraceEntry[] entries;
    private final TraceEntryJson[] json;

    /** @param json one per entry, same order; an element may be null (that entry is written field by field) */
    public Trace(List<TraceEntry> entries, List<TraceEntryJson> json) {
        if (entries.size() != json.size()) {
            throw new IllegalArgumentException(entries.size() + " entries but " + json.size() + " JSON forms");
        }
        this.entries = entries.toArray(new TraceEntry[0]);
        this.json = json.toArray(new TraceEntryJson[0]);
        for (TraceEntry entry : this.entries) {
            java.util.Objects.requireNonNull(entry, "trace entry");
        }
    }

    @Override
    public TraceEntry get(int index) {
        return entries[index];
    }

    @Override
    public int size() {
        return entries.length;
    }

    /** The JSON known in advance for entry {@code index}, or null. */
    TraceEntryJson json(int index) {
        return json[index];
    }
}
