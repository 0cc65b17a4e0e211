package fr.litiges.impact;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.Ruleset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Decides complaints on one ruleset, on all cores, and sums them up into a {@link DisputesReport}. */
public class DisputesReporter {
    private final DecisionPool pool;

    public DisputesReporter(DecisionPool pool) {
        this.pool = pool;
    }

    /** The report on the ruleset active now. */
    public DisputesReport report(ComplaintBatch batch) {
        return report(pool.activeRuleset(), batch);
    }

    public DisputesReport report(Ruleset ruleset, ComplaintBatch batch) {
        pool.warmUp(ruleset, batch.complaints());
        List<Decided> decided = new ArrayList<>();
        int failed = batch.unreadable();
        List<Decision> decisions = pool.map(batch.complaints(), complaint -> pool.decideOrNull(ruleset, complaint));
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i) == null) {
                failed++;
            } else {
                decided.add(new Decided(batch.complaints().get(i), decisions.get(i)));
            }
        }

        Map<String, Totals> byCause = group(decided, d -> d.cause() + "\u0000" + d.subCause());
        Map<String, Totals> byDepartment = group(decided, d -> name(d.decision().routing().department()));
        Map<String, Totals> byChannel = group(decided, d -> name(d.decision().resolution().recommendedChannel()));
        Map<String, Totals> byMonth = group(decided, d -> d.complaint().receivedOn().toString().substring(0, 7));

        long unknown = decided.stream().filter(d -> d.decision().classification().primaryCause() == Cause.UNKNOWN).count();
        BigDecimal unknownShare = decided.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(unknown).divide(BigDecimal.valueOf(decided.size()), 4, RoundingMode.HALF_UP);
        Totals all = new Totals();
        decided.forEach(all::add);
        long delay = decided.stream().mapToLong(d -> d.decision().paymentImpact().delayDays()).sum();

        return new DisputesReport(decided.size(), failed,
                sorted(byCause).stream().map(e -> {
                    String[] key = e.getKey().split("\u0000", 2);
                    return new DisputesReport.CauseLine(key[0], key[1], e.getValue().count, e.getValue().amount, e.getValue().cost);
                }).toList(),
                sorted(byDepartment).stream().map(e -> new DisputesReport.DepartmentLine(unnamed(e.getKey()), e.getValue().count,
                        e.getValue().amount, e.getValue().cost)).toList(),
                sorted(byChannel).stream().map(e -> new DisputesReport.ChannelLine(unnamed(e.getKey()), e.getValue().count,
                        e.getValue().amount, e.getValue().cost)).toList(),
                byMonth.entrySet().stream().map(e -> new DisputesReport.MonthLine(e.getKey(), e.getValue().count,
                        e.getValue().amount, e.getValue().cost)).toList(),
                unknownShare, all.amount, all.cost, delay, ruleset.version());
    }

    private record Decided(Complaint complaint, Decision decision) {
        String cause() {
            return decision.classification().primaryCause().name();
        }

        String subCause() {
            return decision.classification().subCause().name();
        }
    }

    private static final class Totals {
        int count;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        BigDecimal cost = BigDecimal.ZERO.setScale(2);

        void add(Decided d) {
            count++;
            BigDecimal atRisk = d.decision().paymentImpact().amountAtRisk();
            amount = atRisk == null ? amount : amount.add(atRisk);
            cost = cost.add(ImpactReplay.financingCost(d.decision()));
        }
    }

    private static final String NONE = "";

    private static String name(Enum<?> code) {
        return code == null ? NONE : code.name();
    }

    private static String unnamed(String key) {
        return NONE.equals(key) ? null : key;
    }

    private static Map<String, Totals> group(List<Decided> decided, Function<Decided, String> key) {
        Map<String, Totals> groups = new TreeMap<>();
        decided.forEach(d -> groups.computeIfAbsent(key.apply(d), k -> new Totals()).add(d));
        return groups;
    }

    /** Most complaints first; at equal counts, the larger amount at risk. */
    private static List<Map.Entry<String, Totals>> sorted(Map<String, Totals> groups) {
        List<Map.Entry<String, Totals>> entries = new ArrayList<>(groups.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, Totals> e) -> e.getValue().count).reversed()
                .thenComparing(e -> e.getValue().amount, Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey));
        return entries;
    }
}
