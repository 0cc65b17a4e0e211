package fr.litiges.decision.facts;

/** The primary cause, once all findings are ranked. */
public final class Classification {
    private final String primaryCause;
    private final String subCause;
    private final String confidence;

    public Classification(String primaryCause, String subCause, String confidence) {
        this.primaryCause = primaryCause;
        this.subCause = subCause;
        this.confidence = confidence;
    }

    public String getPrimaryCause() { return primaryCause; }
    public String getSubCause() { return subCause; }
    public String getConfidence() { return confidence; }
}
