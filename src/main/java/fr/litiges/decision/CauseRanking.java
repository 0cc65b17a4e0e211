package fr.litiges.decision;

import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Decision.CauseFound;
import fr.litiges.decision.facts.CauseFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the causes found: one entry per sub-cause with its strongest confidence and every
 * piece of evidence. Strongest confidence first; between equals, the cause precedence the
 * table gives; within one cause, the sub-cause with more independent evidence (data, code,
 * words), then the order of default-policy.md section 1.
 */
public final class CauseRanking {
    private CauseRanking() {
    }

    public static List<CauseFound> rank(List<CauseFinding> findings) {
        Map<SubCause, Merged> bySubCause = new LinkedHashMap<>();
        for (CauseFinding finding : findings) {
            bySubCause.computeIfAbsent(finding.subCauseCode(), Merged::new).add(finding);
        }
        List<Merged> merged = new ArrayList<>(bySubCause.values());
        merged.sort(Comparator.comparing((Merged m) -> m.confidence)
                .thenComparingInt(m -> m.precedence)
                .thenComparing(m -> -m.evidence.size())
                .thenComparing(m -> m.subCause));
        return merged.stream().map(Merged::toCauseFound).toList();
    }

    private static final class Merged {
        private final SubCause subCause;
        private Confidence confidence = Confidence.LOW;
        private int precedence = Integer.MAX_VALUE;
        private String ruleId;
        private final List<CauseFinding> sources = new ArrayList<>();
        private final Set<String> evidence = new LinkedHashSet<>();
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
            precedence = Math.min(precedence, finding.getPrecedence());
            if (!finding.getEvidence().isBlank()) {
                sources.add(finding);
                evidence.add(finding.getEvidence());
            }
        }

        /** Evidence strongest first (data, then reason codes, then words), as a credit manager would read it out. */
        CauseFound toCauseFound() {
            List<String> ordered = sources.stream()
                    .sorted(Comparator.comparing(CauseFinding::confidenceCode))
                    .map(CauseFinding::getEvidence)
                    .distinct()
                    .toList();
            return new CauseFound(subCause.cause(), subCause, confidence, ordered, ruleId);
        }
    }
}
