package fr.litiges.prevention.facts;

import fr.litiges.prevention.api.PreventionCodes;
import fr.litiges.prevention.api.PreventionCodes.PlanStatus;

/**
 * An invoice of the portfolio, asked first whether prevention applies to it at all (the
 * "Périmètre" table): the first matching row may skip it and hold dunning.
 */
public final class PreventionCase {
    private final String invoice;
    private final String invoiceStatus;
    private final long daysToDue;
    private final boolean inOpenDispute;
    private PlanStatus skippedAs;
    private boolean holdDunning;
    private boolean rowDecides;

    public PreventionCase(String invoice, String invoiceStatus, long daysToDue, boolean inOpenDispute) {
        this.invoice = invoice;
        this.invoiceStatus = invoiceStatus;
        this.daysToDue = daysToDue;
        this.inOpenDispute = inOpenDispute;
    }

    public String getInvoice() { return invoice; }
    public String getInvoiceStatus() { return invoiceStatus; }
    /** Days from asOf to the due date: 0 when due on asOf, negative once past. */
    public long getDaysToDue() { return daysToDue; }
    public boolean isInOpenDispute() { return inOpenDispute; }
    public PlanStatus skippedAs() { return skippedAs; }
    public boolean holdsDunning() { return holdDunning; }

    /** The first row that skips the invoice decides (rows are tried in order). */
    public void skip(String status) {
        PlanStatus parsed = PreventionCodes.parse(PlanStatus.class, status, "plan status");
        if (!parsed.name().startsWith("SKIPPED_")) {
            throw new IllegalArgumentException("'" + status + "' does not skip an invoice: use SKIPPED_PAID, SKIPPED_DUE or SKIPPED_IN_DISPUTE");
        }
        rowDecides = skippedAs == null;
        if (rowDecides) {
            skippedAs = parsed;
        }
    }

    /** Set by the same row as the skip, and only when that row decided it. */
    public void holdDunning(boolean hold) {
        if (rowDecides) {
            holdDunning = hold;
        }
    }
}
