package fr.litiges.decision.facts;

import java.math.BigDecimal;

/**
 * How much cash the dispute holds up and for how long, once the payment-delay arithmetic is
 * done; the priority table reads it. It also carries whether the customer is strategic, so
 * that every row of the priority table waits for the arithmetic before it can match.
 */
public final class CashExposure {
    private final BigDecimal amountAtRisk;
    private final long delayDays;
    private final int expectedResolutionDays;
    private final BigDecimal financingCost;
    private final boolean customerStrategic;
    private final String customerType;

    public CashExposure(BigDecimal amountAtRisk, long delayDays, int expectedResolutionDays, BigDecimal financingCost,
                        boolean customerStrategic, String customerType) {
        this.amountAtRisk = amountAtRisk;
        this.delayDays = delayDays;
        this.expectedResolutionDays = expectedResolutionDays;
        this.financingCost = financingCost;
        this.customerStrategic = customerStrategic;
        this.customerType = customerType;
    }

    public BigDecimal getAmountAtRisk() { return amountAtRisk; }
    public long getDelayDays() { return delayDays; }
    public int getExpectedResolutionDays() { return expectedResolutionDays; }
    public BigDecimal getFinancingCost() { return financingCost; }
    public boolean isCustomerStrategic() { return customerStrategic; }
    public String getCustomerType() { return customerType; }
}
