package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.api.Codes.Priority;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.ruleset.RulesetSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.ResultMatcher;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract example and variants of it, a sample decision and a sample ruleset. */
final class TestData {
    /** Keeps decimals as written (12500.00 stays 12500.00), like the application's mapper. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private TestData() {
    }

    /** The complaint of decision-api.md, as sent by a CRM. */
    static String exampleJson() {
        try (InputStream in = TestData.class.getResourceAsStream("/web/contract-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode example() {
        return (ObjectNode) JSON.readTree(exampleJson());
    }

    /** The example with the value at a JSON pointer replaced by raw JSON, e.g. {@code with("/customer/type", "\"ALIEN\"")}. */
    static ObjectNode with(String pointer, String rawJson) {
        return with(example(), pointer, rawJson);
    }

    static ObjectNode with(ObjectNode complaint, String pointer, String rawJson) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = complaint.at(path.head());
        JsonNode value = JSON.readTree(rawJson);
        if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), value);
        }
        return complaint;
    }

    static ObjectNode without(String pointer) {
        ObjectNode complaint = example();
        JsonPointer path = JsonPointer.compile(pointer);
        ((ObjectNode) complaint.at(path.head())).remove(path.last().getMatchingProperty());
        return complaint;
    }

    static String json(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    /** No stack trace, exception or Java class name in a response. */
    static ResultMatcher noInternals() {
        return result -> assertThat(result.getResponse().getContentAsString())
                .doesNotContain("Exception", "fr.litiges", "tools.jackson", "java.", "\tat ");
    }

    static Decision decision(String complaintId) {
        return new Decision("9b2d5c1e-0000-4000-8000-000000000001", complaintId, Instant.parse("2026-11-29T10:15:30Z"),
                new Decision.RulesetRef("2026.11.1", "sha256:abc"),
                new Decision.Classification(Cause.BILLING_ERROR, SubCause.DUPLICATE_INVOICE, Confidence.HIGH,
                        List.of(new Decision.CauseFound(Cause.BILLING_ERROR, SubCause.DUPLICATE_INVOICE, Confidence.HIGH,
                                List.of("Invoices F-1001 and F-1002 bill order PO-4411 for the same amount"), "billing-duplicate"))),
                new Decision.Routing(Department.BILLING, List.of(Department.SALES), Priority.HIGH),
                new Decision.Resolution(Channel.AMICABLE_SETTLEMENT, List.of(Channel.BUSINESS_MEDIATION, Channel.JUDICIAL_PROCEEDINGS),
                        "rationale", List.of("ISSUE_CREDIT_NOTE")),
                new Decision.PaymentImpact(new BigDecimal("12500.00"), "EUR", LocalDate.parse("2026-11-30"), "F-1001", 57,
                        LocalDate.parse("2027-01-16"), LocalDate.parse("2027-03-17"), 107, 60, new BigDecimal("0.04"),
                        new BigDecimal("146.58"), PaymentPolicy.TERMS_RESTART_AT_RESOLUTION),
                List.of(new Decision.TraceEntry("billing-duplicate", "Duplicate invoice", "decision-tables/causes.xlsx", "Keywords", 14, null)));
    }

    /** The rules of {@link #ruleset()}: three, in two files. */
    static final String SAMPLE_CAUSES = """
            package fr.litiges.rules.sample;
            rule "first" when then end
            rule "second" when then end
            """;
    static final String SAMPLE_ROUTING = """
            package fr.litiges.rules.sample;
            rule "third" when then end
            """;
    static final Instant SAMPLE_LOADED_AT = Instant.parse("2026-11-28T08:00:00Z");
    private static Ruleset sample;

    /** A ruleset really compiled from {@link #SAMPLE_CAUSES} and {@link #SAMPLE_ROUTING}, named 2026.11.1, loaded at a known instant. */
    static synchronized Ruleset ruleset() {
        if (sample == null) {
            RulesetCompilation compilation = new RulesetCompiler().compile(RulesetSource.of(Map.of(
                    "rules/causes.drl", SAMPLE_CAUSES.getBytes(StandardCharsets.UTF_8),
                    "rules/routing.drl", SAMPLE_ROUTING.getBytes(StandardCharsets.UTF_8))));
            assertThat(compilation.problems()).isEmpty();
            Ruleset compiled = compilation.ruleset();
            sample = new Ruleset("2026.11.1", compiled.hash(), SAMPLE_LOADED_AT, compiled.kieBase(), compiled.sourceMap(), compiled.files(),
                    compiled.textRules());
        }
        return sample;
    }
}
