package fr.litiges.decision.facts;

/** A reason code the CRM user picked. */
public final class ReportedReason {
    private final String code;

    public ReportedReason(String code) {
        this.code = code;
    }

    public String getCode() { return code; }
}
