package fr.litiges.decision;

import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Decision.CauseFound;
import fr.litiges.decision.facts.CauseFinding;
import fr.litiges.decision.facts.CausePrecedence;
import fr.litiges.decision.facts.RankedCauses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the causes found: one entry per sub-cause with its strongest confidence and every
 * piece of evidence. Strongest confidence first (default-policy.md section 1); between equals,
 * the rank the precedence table (causes.xlsx, "Préséance") gives each sub-cause. No order of
 * Java's decides a tie: a sub-cause without a rank goes last and is named in
 * {@link RankedCauses#unranked()}, which the decision refuses.
 */
public final class CauseRanking {
    private CauseRanking() {
    }

    /** Called by the ranking rule (rules/cause-confidence.drl) with the findings and the precedence table's answers. */
    public static RankedCauses rank(Collection<?> findings, Collection<?> precedences) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Object item : precedences) {
            CausePrecedence precedence = (CausePrecedence) item;
            ranks.merge(precedence.getSubCause(), precedence.getRank(), Math::min);
        }
        Map<SubCause, Merged> bySubCause = new LinkedHashMap<>();
        for (Object item : findings) {
            CauseFinding finding = (CauseFinding) item;
            bySubCause.computeIfAbsent(finding.subCauseCode(), Merged::new).add(finding);
        }
        List<Merged> merged = new ArrayList<>(bySubCause.values());
        List<String> unranked = new ArrayList<>();
        for (Merged m : merged) {
            Integer rank = ranks.get(m.subCause.name());
            if (rank == null) {
                unranked.add(m.subCause.name());
            }
            m.rank = rank == null ? Integer.MAX_VALUE : rank;
        }
        merged.sort(Comparator.comparing((Merged m) -> m.confidence).thenComparingInt(m -> m.rank));
        List<CauseFound> causes = new ArrayList<>(merged.size());
        for (Merged m : merged) {
            causes.add(m.toCauseFound());
        }
        return new RankedCauses(List.copyOf(causes), unranked);
    }

    private static final Comparator<CauseFinding> BY_CONFIDENCE = Comparator.comparing(CauseFinding::confidenceCode);

    private static final class Merged {
        private final SubCause subCause;
        private Confidence confidence = Confidence.LOW;
        private int rank;
        private String ruleId;
        private final List<CauseFinding> sources = new ArrayList<>();
        private boolean first = true;

        Merged(SubCause subCause) {
            this.subCause = subCause;
        }

        void add(CauseFinding finding) {
            if (first || finding.confidenceCode().compareTo(confidence) < 0) {
                confidence = finding.confidenceCode();
                ruleId = finding.getRuleId();
                first = false;
            }
            if (!finding.getEvidence().isBlank()) {
                sources.add(finding);
            }
        }

        /** Evidence strongest first (data, then reason codes, then words), as a credit manager would read it out. */
        CauseFound toCauseFound() {
            if (sources.size() > 1) {
                sources.sort(BY_CONFIDENCE);
            }
            List<String> ordered = new ArrayList<>(sources.size());
            for (CauseFinding source : sources) {
                if (!ordered.contains(source.getEvidence())) {
                    ordered.add(source.getEvidence());
                }
            }
            return new CauseFound(subCause.cause(), subCause, confidence, List.copyOf(ordered), ruleId);
        }
    }
}
