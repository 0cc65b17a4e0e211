package fr.litiges.decision.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.litiges.decision.api.Decision.TraceEntry;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes a {@link Trace} with the JSON its entries carry, byte for byte what Jackson writes for
 * the same entries field by field (the trace is most of a decision's answer, and most entries
 * are rules whose JSON never changes). Whenever the generator or the mapper would write an entry
 * differently from Jackson's defaults (indentation, escaped non-ASCII characters, nulls left
 * out, sorted or renamed fields, a tree instead of text), every entry is written field by field.
 */
public final class TraceJson {
    private static final SerializableString RULE_NAME = new SerializedString("ruleName");
    private static final JsonWriteFeature[] WRITE_FEATURES = JsonWriteFeature.values();
    private static final List<String> FIELDS = Arrays.stream(TraceEntry.class.getRecordComponents()).map(RecordComponent::getName).toList();

    private TraceJson() {
    }

    /** The serializer of {@link Trace}, for a mapper that writes decisions. */
    public static JacksonModule module() {
        return new SimpleModule("litiges-trace").addSerializer(Trace.class, new TraceSerializer());
    }

    private static final class TraceSerializer extends ValueSerializer<Trace> {
        /** The configuration last checked (a mapper keeps one while its settings do not change), and what was found. */
        private volatile Checked checked;

        private record Checked(SerializationConfig config, boolean fieldsAsDefaults) {
        }

        @Override
        public void serialize(Trace trace, JsonGenerator g, SerializationContext context) throws JacksonException {
            boolean known = writesLikeDefaults(g, context);
            ValueSerializer<Object> fieldByField = null;
            g.writeStartArray(trace, trace.size());
            for (int i = 0; i < trace.size(); i++) {
                TraceEntry entry = trace.get(i);
                TraceEntryJson json = known ? trace.json(i) : null;
                if (json == null) {
                    if (fieldByField == null) {
                        fieldByField = context.findValueSerializer(TraceEntry.class);
                    }
                    fieldByField.serialize(entry, g, context);
                    continue;
                }
                g.writeStartObject(entry);
                if (json.fields != null) {
                    g.writeRaw(json.fields);
                } else {
                    // The object has no field yet for the generator, so the name goes without a comma: beforeName ends with it.
                    g.writeRaw(json.beforeName);
                    g.writeName(RULE_NAME);
                    g.writeString(entry.ruleName());
                    g.writeRaw(json.afterName);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        /** The entries' fields written as Jackson writes them by default: every one, nulls included, in the record's order. */
        private static boolean fieldsAsDefaults(SerializationContext context) {
            JsonInclude.Include inclusion = context.getConfig().getDefaultPropertyInclusion(TraceEntry.class).getValueInclusion();
            if (inclusion != JsonInclude.Include.ALWAYS && inclusion != JsonInclude.Include.USE_DEFAULTS) {
                return false;
            }
            List<String> names = new ArrayList<>();
            context.findValueSerializer(TraceEntry.class).properties().forEachRemaining(property -> names.add(property.getName()));
            return names.equals(FIELDS);
        }

        @Override
        public Class<?> handledType() {
            return Trace.class;
        }

        private boolean writesLikeDefaults(JsonGenerator g, SerializationContext context) {
            if (!(g instanceof JsonGeneratorBase json) || json.getPrettyPrinter() != null || json.getCharacterEscapes() != null) {
                return false;
            }
            for (JsonWriteFeature feature : WRITE_FEATURES) {
                if (json.isEnabled(feature) != feature.enabledByDefault()) {
                    return false;
                }
            }
            Checked seen = checked;
            if (seen == null || seen.config() != context.getConfig()) {
                seen = new Checked(context.getConfig(), fieldsAsDefaults(context));
                checked = seen;
            }
            return seen.fieldsAsDefaults();
        }
    }
}
