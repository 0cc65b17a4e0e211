package fr.litiges.prevention.facts;

/**
 * An invoice of the portfolio, asked first whether prevention applies to it at all (the
 * "Périmètre" table): the first matching row may skip it ({@link PlanSkipped}) and say whether
 * dunning waits ({@link DunningHold}).
 */
public final class PreventionCase {
    private final String invoice;
    private final String invoiceStatus;
    private final long daysToDue;
    private final boolean inOpenDispute;

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
}
