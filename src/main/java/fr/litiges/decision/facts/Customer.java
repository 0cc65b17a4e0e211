package fr.litiges.decision.facts;

import java.math.BigDecimal;

public final class Customer {
    private final String id;
    private final String type;
    private final int relationshipYears;
    private final BigDecimal annualRevenue;
    private final boolean strategic;
    private final int previousDisputes12m;
    private final boolean mediationClause;

    public Customer(String id, String type, int relationshipYears, BigDecimal annualRevenue, boolean strategic,
                    int previousDisputes12m, boolean mediationClause) {
        this.id = id;
        this.type = type;
        this.relationshipYears = relationshipYears;
        this.annualRevenue = annualRevenue;
        this.strategic = strategic;
        this.previousDisputes12m = previousDisputes12m;
        this.mediationClause = mediationClause;
    }

    public String getId() { return id; }
    public String getType() { return type; }
    public int getRelationshipYears() { return relationshipYears; }
    public BigDecimal getAnnualRevenue() { return annualRevenue; }
    public boolean isStrategic() { return strategic; }
    public int getPreviousDisputes12m() { return previousDisputes12m; }
    public boolean isMediationClause() { return mediationClause; }
}
