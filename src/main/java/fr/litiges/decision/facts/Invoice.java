package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;
import java.math.BigDecimal;
import java.time.LocalDate;

// Immutable: class reactivity costs nothing and spares constraints that compare two facts a warning.
@ClassReactive
public final class Invoice {
    private final String number;
    private final LocalDate issuedOn;
    private final LocalDate dueOn;
    private final BigDecimal amount;
    private final String currency;
    private final String orderRef;
    private final Integer paymentTermsDays;
    private final String status;

    public Invoice(String number, LocalDate issuedOn, LocalDate dueOn, BigDecimal amount, String currency,
                   String orderRef, Integer paymentTermsDays, String status) {
        this.number = number;
        this.issuedOn = issuedOn;
        this.dueOn = dueOn;
        this.amount = amount;
        this.currency = currency;
        this.orderRef = orderRef;
        this.paymentTermsDays = paymentTermsDays;
        this.status = status;
    }

    public String getNumber() { return number; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public LocalDate getDueOn() { return dueOn; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getOrderRef() { return orderRef; }
    public Integer getPaymentTermsDays() { return paymentTermsDays; }
    public String getStatus() { return status; }

    /**
     * When the invoice falls due: the date the CRM gives, else its issue date plus its own terms,
     * else plus the default terms of the financing table (the rules pass them in); null when
     * the invoice gives neither a due date nor an issue date.
     */
    public LocalDate dueDate(int defaultTermsDays) {
        if (dueOn != null || issuedOn == null) {
            return dueOn;
        }
        return issuedOn.plusDays(paymentTermsDays != null ? paymentTermsDays : defaultTermsDays);
    }

    /** Not yet paid: OPEN or OVERDUE. */
    public boolean isUnpaid() { return !"PAID".equals(status); }

    /** Same amount to the cent, whatever the scale the CRM sent (12500 = 12500.00). */
    public boolean sameAmountAs(Invoice other) {
        return amount != null && other.amount != null && amount.compareTo(other.amount) == 0;
    }
}
