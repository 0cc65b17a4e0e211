package fr.litiges.prevention.facts;

/**
 * An invoice that gives neither a due date nor payment terms, asked the default terms that date it
 * (sheet "Délai de paiement"): its due date is its issue date plus those terms.
 */
public final class UndatedInvoice {
    private final String invoice;
    private final String currency;

    public UndatedInvoice(String invoice, String currency) {
        this.invoice = invoice;
        this.currency = currency;
    }

    public String getInvoice() { return invoice; }
    public String getCurrency() { return currency; }
}
