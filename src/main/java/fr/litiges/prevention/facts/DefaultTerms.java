package fr.litiges.prevention.facts;

import org.kie.api.definition.type.ClassReactive;

/** The default-terms table's answer (sheet "Délai de paiement"): the payment terms of one undated invoice. */
@ClassReactive
public final class DefaultTerms {
    private final String invoice;
    private final int days;

    public DefaultTerms(String invoice, int days) {
        if (days < 0 || days > 365) {
            throw new IllegalArgumentException("default payment terms must be 0..365 days: " + days);
        }
        this.invoice = invoice;
        this.days = days;
    }

    public String getInvoice() { return invoice; }
    public int getDays() { return days; }

    @Override
    public String toString() {
        return "DefaultTerms " + invoice + " " + days;
    }
}
