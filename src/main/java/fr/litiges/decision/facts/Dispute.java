package fr.litiges.decision.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The dispute as a whole: when it arrived and how much cash it holds up. */
public final class Dispute {
    private final String complaintId;
    private final LocalDate receivedOn;
    private final BigDecimal amountAtRisk;
    private final String currency;

    public Dispute(String complaintId, LocalDate receivedOn, BigDecimal amountAtRisk, String currency) {
        this.complaintId = complaintId;
        this.receivedOn = receivedOn;
        this.amountAtRisk = amountAtRisk;
        this.currency = currency;
    }

    public String getComplaintId() { return complaintId; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public BigDecimal getAmountAtRisk() { return amountAtRisk; }
    public String getCurrency() { return currency; }
}
