package fr.litiges.decision.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Decision.TraceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.core.json.JsonWriteFeature;

class TraceJsonTest {
    private static final JsonMapper DEFAULT = JsonMapper.builder().build();
    private static final JsonMapper WITH_TRACE_JSON = JsonMapper.builder().addModule(TraceJson.module()).build();

    /** Rules' entries (name known), and text rows' entries (name written at each decision), with awkward characters everywhere. */
    private static final List<TraceEntry> ENTRIES = List.of(
            new TraceEntry("PS-008", "Preseance des causes PS-008", "decision-tables/causes.xlsx", "Préséance", 16, null),
            new TraceEntry("Rule \"quoted\" \\ back", "The sub-causes found\tonce → each 😀", "rules/cause-confidence.drl", null, null, 59),
            new TraceEntry("MOT-007", "Motifs de texte, row 11: found in «unit \"price\" \\ is\u0001 higher 😀» by PRIX", "decision-tables/causes.xlsx",
                    "Motifs de texte", 11, null),
            new TraceEntry("no-origin", "no-origin", null, null, null, null),
            new TraceEntry("MOT-001", null, "decision-tables/causes.xlsx", "Motifs de texte", 5, null));

    private static Trace traceOf(List<TraceEntry> entries) {
        List<TraceEntryJson> json = new ArrayList<>();
        for (TraceEntry entry : entries) {
            json.add(entry.ruleId().startsWith("MOT-")
                    ? TraceEntryJson.aroundName(entry.ruleId(), entry.source(), entry.sheet(), entry.row(), entry.line())
                    : TraceEntryJson.of(entry));
        }
        return new Trace(entries, json);
    }

    private static Decision decisionWith(List<TraceEntry> trace) {
        return new Decision("d", "c", null, null, null, null, null, null, trace);
    }

    @Test
    void writesTheSameBytesAsJacksonWritesTheEntriesFieldByField() {
        Trace trace = traceOf(ENTRIES);
        assertThat(WITH_TRACE_JSON.writeValueAsBytes(decisionWith(trace)))
                .isEqualTo(DEFAULT.writeValueAsBytes(decisionWith(List.copyOf(ENTRIES))));
        assertThat(WITH_TRACE_JSON.writeValueAsString(decisionWith(trace)))
                .isEqualTo(DEFAULT.writeValueAsString(decisionWith(List.copyOf(ENTRIES))));
        assertThat(WITH_TRACE_JSON.writeValueAsString(decisionWith(traceOf(List.of()))))
                .isEqualTo(DEFAULT.writeValueAsString(decisionWith(List.of())));
    }

    @Test
    void copiesTheJsonTheEntriesCarry() {
        // Each entry carries another entry's JSON: what is written shows which one was used.
        TraceEntry a = ENTRIES.get(0);
        TraceEntry b = ENTRIES.get(1);
        Trace swapped = new Trace(List.of(a, b), List.of(TraceEntryJson.of(b), TraceEntryJson.of(a)));
        assertThat(WITH_TRACE_JSON.writeValueAsString(swapped)).isEqualTo(DEFAULT.writeValueAsString(List.of(b, a)));
    }

    @Test
    void writesFieldByFieldWhenTheMapperWritesOtherwise() {
        TraceEntry a = ENTRIES.get(0);
        TraceEntry b = ENTRIES.get(1);
        Trace swapped = new Trace(List.of(a, b), List.of(TraceEntryJson.of(b), TraceEntryJson.of(a)));
        Stream.of(JsonMapper.builder().addModule(TraceJson.module()).enable(SerializationFeature.INDENT_OUTPUT).build(),
                        JsonMapper.builder().addModule(TraceJson.module()).enable(JsonWriteFeature.ESCAPE_NON_ASCII).build(),
                        JsonMapper.builder().addModule(TraceJson.module())
                                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)).build())
                .forEach(mapper -> {
                    JsonMapper same = mapper.rebuild().build();
                    assertThat(mapper.writeValueAsString(swapped)).isEqualTo(same.writeValueAsString(List.of(a, b)));
                });
        // a tree holds the entries' fields, not text
        assertThat(WITH_TRACE_JSON.valueToTree(swapped).toString()).isEqualTo(DEFAULT.valueToTree(List.of(a, b)).toString());
    }
}
