package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.SubCause;
import java.util.Objects;

/**
 * A cause that some rule found, with how sure it is and why. Rules insert it; the rule that
 * inserted it is stamped by the engine, so rule authors never write their own id. Codes are
 * checked here so a typo in a rule fails loudly at the scenario gate instead of reaching a CRM.
 */
public final class CauseFinding {
    private final SubCause subCause;
    private final Confidence confidence;
    private final String evidence;
    private String ruleId;

    public CauseFinding(String subCause, String confidence, String evidence) {
        this.subCause = parse(SubCause.class, subCause, "sub-cause");
        this.confidence = parse(Confidence.class, confidence, "confidence");
        this.evidence = Objects.requireNonNullElse(evidence, "");
    }

    static <E extends Enum<E>> E parse(Class<E> type, String code, String what) {
        try {
            return Enum.valueOf(type, Objects.requireNonNull(code, what + " is missing").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + code + "'", e);
        }
    }

    public String getCause() { return subCause.cause().name(); }
    public String getSubCause() { return subCause.name(); }
    public String getConfidence() { return confidence.name(); }
    public String getEvidence() { return evidence; }
    public String getRuleId() { return ruleId; }

    public SubCause subCauseCode() { return subCause; }
    public Confidence confidenceCode() { return confidence; }

    /** Stamped by the engine with the rule that inserted this finding. */
    public void stampRule(String ruleId) {
        if (this.ruleId == null) {
            this.ruleId = ruleId;
        }
    }

    @Override
    public String toString() {
        return subCause + "/" + confidence + " (" + evidence + ")";
    }
}
