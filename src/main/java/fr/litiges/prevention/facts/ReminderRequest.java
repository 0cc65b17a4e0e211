package fr.litiges.prevention.facts;

/** A question the reminder tables answer: each matching row asks for one reminder ({@link ReminderAnswer}). */
public abstract class ReminderRequest {
    private final String invoice;

    ReminderRequest(String invoice) {
        this.invoice = invoice;
    }

    public String getInvoice() { return invoice; }
}
