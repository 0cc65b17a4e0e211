package fr.litiges.prevention.facts;

import fr.litiges.prevention.api.PreventionCodes;
import fr.litiges.prevention.api.PreventionCodes.RiskTier;
import java.math.BigDecimal;

/** An invoice in scope, once its likely disputes are known, asked for its risk tier. */
public final class RiskProfile {
    private final String invoice;
    private final BigDecimal amount;
    private final int likelyDisputes;
    private final String customerType;
    private final boolean strategic;
    private final int previousDisputes12m;
    private final int relationshipYears;
    private RiskTier tier;

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
    public RiskTier tier() { return tier; }

    /** The first matching row decides (rows are tried in order). */
    public void tier(String code) {
        RiskTier parsed = PreventionCodes.parse(RiskTier.class, code, "risk tier");
        if (tier == null) {
            tier = parsed;
        }
    }
}
