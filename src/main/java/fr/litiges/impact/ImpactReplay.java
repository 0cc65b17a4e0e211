package fr.litiges.impact;

import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.Ruleset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Replays complaints on a base ruleset and on a candidate, and says what the candidate changes.
 * Each complaint is decided on both, on all cores; one that fails on either side (or could not be
 * read) counts in {@code failed} and the replay goes on.
 */
public class ImpactReplay {
    /** Most complaints in one replay or report ({@code rulesets-api.md}: 1..10,000). */
    public static final int MAX_COMPLAINTS = 10_000;
    static final int MAX_EXAMPLES = 50;

    /** The fields compared, in the contract's order, with how to read each from a decision. */
    static final Map<String, Function<Decision, Object>> FIELDS = fields();

    private final DecisionPool pool;

    public ImpactReplay(DecisionPool pool) {
        this.pool = pool;
    }

    public Impact replay(Ruleset base, Ruleset candidate, ComplaintBatch batch) {
        pool.warmUp(base, batch.complaints());
        pool.warmUp(candidate, batch.complaints());
        List<Outcome> outcomes = pool.map(batch.complaints(),
                complaint -> new Outcome(complaint, pool.decideOrNull(base, complaint), pool.decideOrNull(candidate, complaint)));

        Map<String, Integer> byField = new LinkedHashMap<>();
        FIELDS.keySet().forEach(field -> byField.put(field, 0));
        List<Impact.Example> examples = new ArrayList<>();
        int decided = 0;
        int failed = batch.unreadable();
        int changed = 0;
        BigDecimal before = BigDecimal.ZERO.setScale(2);
        BigDecimal after = BigDecimal.ZERO.setScale(2);
        for (Outcome outcome : outcomes) {
            if (outcome.before() == null || outcome.after() == null) {
                failed++;
                continue;
            }
            decided++;
            before = before.add(financingCost(outcome.before()));
            after = after.add(financingCost(outcome.after()));
            boolean different = false;
            for (Map.Entry<String, Function<Decision, Object>> field : FIELDS.entrySet()) {
                Object was = field.getValue().apply(outcome.before());
                Object is = field.getValue().apply(outcome.after());
                if (!same(was, is)) {
                    different = true;
                    byField.merge(field.getKey(), 1, Integer::sum);
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add(new Impact.Example(outcome.complaint().complaintId(), field.getKey(), was, is));
                    }
                }
            }
            if (different) {
                changed++;
            }
        }
        return new Impact(decided, failed, changed, byField, before, after, examples);
    }

    private record Outcome(Complaint complaint, Decision before, Decision after) {
    }

    static BigDecimal financingCost(Decision decision) {
        BigDecimal cost = decision.paymentImpact() == null ? null : decision.paymentImpact().financingCost();
        return cost == null ? BigDecimal.ZERO : cost;
    }

    /** Amounts compare by value (12.5 = 12.50); actions as a set, since their order says nothing. */
    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return new LinkedHashSet<>(x).equals(new LinkedHashSet<>(y));
        }
        return Objects.equals(a, b);
    }

    private static Map<String, Function<Decision, Object>> fields() {
        Map<String, Function<Decision, Object>> fields = new LinkedHashMap<>();
        fields.put("primaryCause", d -> d.classification() == null ? null : d.classification().primaryCause());
        fields.put("subCause", d -> d.classification() == null ? null : d.classification().subCause());
        fields.put("recommendedChannel", d -> d.resolution() == null ? null : d.resolution().recommendedChannel());
        fields.put("department", d -> d.routing() == null ? null : d.routing().department());
        fields.put("priority", d -> d.routing() == null ? null : d.routing().priority());
        fields.put("actions", d -> d.resolution() == null ? null : d.resolution().actions());
        fields.put("expectedResolutionDays", d -> d.paymentImpact() == null ? null : d.paymentImpact().expectedResolutionDays());
        fields.put("financingCost", d -> d.paymentImpact() == null ? null : d.paymentImpact().financingCost());
        return java.util.Collections.unmodifiableMap(fields);
    }
}
