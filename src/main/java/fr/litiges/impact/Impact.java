package fr.litiges.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a candidate ruleset would change on a set of complaints ({@code rulesets-api.md}, "Impact"):
 * how many were decided on both rulesets, how many failed on either, how many came out different,
 * per field, the financing cost before and after, and up to 50 examples.
 */
public record Impact(int decided, int failed, int changed, Map<String, Integer> byField,
                     BigDecimal financingCostBefore, BigDecimal financingCostAfter, List<Example> examples) {

    public Impact {
        byField = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byField));
        examples = List.copyOf(examples);
    }

    /** One field of one complaint that the candidate decides differently. */
    public record Example(String complaintId, String field, Object before, Object after) {
    }
}
