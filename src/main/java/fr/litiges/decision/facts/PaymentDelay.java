package fr.litiges.decision.facts;

import java.math.BigDecimal;

/** The computed payment-delay impact, for rules that route by amount and delay. */
public final class PaymentDelay {
    private final BigDecimal amountAtRisk;
    private final long delayDays;
    private final int expectedResolutionDays;
    private final BigDecimal financingCost;

    public PaymentDelay(BigDecimal amountAtRisk, long delayDays, int expectedResolutionDays, BigDecimal financingCost) {
        this.amountAtRisk = amountAtRisk;
        this.delayDays = delayDays;
        this.expectedResolutionDays = expectedResolutionDays;
        this.financingCost = financingCost;
    }

    public BigDecimal getAmountAtRisk() { return amountAtRisk; }
    public long getDelayDays() { return delayDays; }
    public int getExpectedResolutionDays() { return expectedResolutionDays; }
    public BigDecimal getFinancingCost() { return financingCost; }
}
