package fr.litiges.decision.facts;

import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * The question "which escalation ladder fits this customer and amount?". The ladder table
 * answers with one {@link ChosenRung} per filled rung of its first matching row.
 */
@ClassReactive
public final class EscalationLadder {
    private final String customerType;
    private final boolean mediationClause;
    private final BigDecimal amountAtRisk;

    public EscalationLadder(String customerType, boolean mediationClause, BigDecimal amountAtRisk) {
        this.customerType = customerType;
        this.mediationClause = mediationClause;
        this.amountAtRisk = amountAtRisk;
    }

    public String getCustomerType() { return customerType; }
    public boolean isMediationClause() { return mediationClause; }
    public BigDecimal getAmountAtRisk() { return amountAtRisk; }
}
