package fr.litiges.prevention.facts;

import java.math.BigDecimal;

/** An invoice in scope, once its likely disputes are known, asked for its risk tier ({@link ChosenTier}). */
public final class RiskProfile {
    private final String invoice;
    private final BigDecimal amount;
    private final int likelyDisputes;
    private final String customerType;
    private final boolean strategic;
    private final int previousDisputes12m;
    private final int relationshipYears;

    public RiskProfile(String invoice, BigDecimal amount, int likelyDisputes, String customerType, boolean strategic,
                       int previousDisputes12m, int relationshipYears) {
        this.invoice = invoice;
        this.amount = amount;
        this.likelyDisputes = likelyDisputes;
        this.customerType = customerType;
        this.strategic = strategic;
        this.previousDisputes12m = previousDisputes12m;
        this.relationshipYears = relationshipYears;
    }

    public String getInvoice() { return invoice; }
    public BigDecimal getAmount() { return amount; }
    public int getLikelyDisputes() { return likelyDisputes; }
    public String getCustomerType() { return customerType; }
    public boolean isStrategic() { return strategic; }
    public int getPreviousDisputes12m() { return previousDisputes12m; }
    public int getRelationshipYears() { return relationshipYears; }
}
