package fr.litiges.prevention.facts;

/** A plan's outcome, asked for the sentence that explains it (table "Justifications", answered by {@link PlanSentence}). */
public final class PlanSummary {
    private final String invoice;
    private final String status;
    private final String tier;
    private final boolean likelyDispute;

    public PlanSummary(String invoice, String status, String tier, boolean likelyDispute) {
        this.invoice = invoice;
        this.status = status;
        this.tier = tier;
        this.likelyDispute = likelyDispute;
    }

    public String getInvoice() { return invoice; }
    public String getStatus() { return status; }
    public String getTier() { return tier; }
    public boolean isLikelyDispute() { return likelyDispute; }
}
