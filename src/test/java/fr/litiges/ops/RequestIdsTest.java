package fr.litiges.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theCallersRequestIdIsKeptWhenItIsAShortToken() {
        assertThat(RequestIds.of("crm-2026.11.20:req_42", TRACEPARENT)).isEqualTo("crm-2026.11.20:req_42");
        assertThat(RequestIds.of("a".repeat(64), null)).isEqualTo("a".repeat(64));
    }

    @Test
    void withoutARequestIdTheTraceIdOfTraceparentIsUsed() {
        assertThat(RequestIds.of(null, TRACEPARENT)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(RequestIds.of("", TRACEPARENT)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "line\nbreak", "<script>", "é-accent", "x;drop", "{\"json\":1}"})
    void aRequestIdThatCouldForgeOrPolluteLogLinesIsReplaced(String hostile) {
        assertThat(RequestIds.of(hostile, TRACEPARENT)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(isUuid(RequestIds.of(hostile, null))).isTrue();
    }

    @Test
    void aRequestIdLongerThan64CharactersIsReplaced() {
        assertThat(isUuid(RequestIds.of("a".repeat(65), null))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // all-zero trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // all-zero parent id
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has four fields
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // short trace id
            "garbage"})
    void anInvalidTraceparentIsIgnored(String traceparent) {
        assertThat(RequestIds.traceIdOf(traceparent)).isNull();
        assertThat(isUuid(RequestIds.of(null, traceparent))).isTrue();
    }

    @Test
    void aLaterTraceparentVersionMayCarryMoreFields() {
        assertThat(RequestIds.traceIdOf("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-more"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void generatedIdsDiffer() {
        assertThat(RequestIds.of(null, null)).isNotEqualTo(RequestIds.of(null, null));
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
