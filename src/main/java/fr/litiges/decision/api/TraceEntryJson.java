package fr.litiges.decision.api;

import fr.litiges.decision.api.Decision.TraceEntry;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trace entry's JSON fields, built once with Jackson's default writing (UTF-8, nulls written,
 * fields in the record's order) and kept as UTF-8 bytes: either all of them, or all but
 * {@code ruleName} when the name differs at each decision (a text pattern's entry quotes the
 * customer's words). The answer's writer copies these bytes instead of encoding the same
 * strings again in every decision.
 */
public final class TraceEntryJson {
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final String NULL_NAME = ",\"ruleName\":null";

    /** Every field, between the braces; null when the name is written at each decision. */
    final SerializableString fields;
    /** {@code "ruleId":…,} when the name is written at each decision. */
    final SerializableString beforeName;
    /** {@code ,"source":…,"line":…} when the name is written at each decision. */
    final SerializableString afterName;

    private TraceEntryJson(SerializableString fields, SerializableString beforeName, SerializableString afterName) {
        this.fields = fields;
        this.beforeName = beforeName;
        this.afterName = afterName;
    }

    /** The whole entry, for an entry that is the same in every decision (a rule's). */
    public static TraceEntryJson of(TraceEntry entry) {
        String json = PLAIN.writeValueAsString(entry);
        return new TraceEntryJson(encoded(json.substring(1, json.length() - 1)), null, null);
    }

    /**
     * Everything but {@code ruleName}, for entries that share their other fields and differ by
     * their name (a text pattern row's).
     */
    public static TraceEntryJson aroundName(String ruleId, String source, String sheet, Integer row, Integer line) {
        String json = PLAIN.writeValueAsString(new TraceEntry(ruleId, null, source, sheet, row, line));
        // The escaped ruleId cannot hold an unescaped quote, so the first match is the name's field.
        int name = json.indexOf(NULL_NAME);
        return new TraceEntryJson(null, encoded(json.substring(1, name + 1)),
                encoded(json.substring(name + NULL_NAME.length(), json.length() - 1)));
    }

    private static SerializableString encoded(String raw) {
        SerializedString string = new SerializedString(raw);
        string.asUnquotedUTF8(); // encoded now, once, rather than by the first answer
        return string;
    }
}
