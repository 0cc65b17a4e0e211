package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Channel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The question "which escalation ladder fits this customer and amount?", answered by the
 * ladder table. Each matching row calls {@link #rung} for its rungs in order, starting at 1;
 * the first row that matched wins, as analysts read a table top-down.
 */
public final class EscalationLadder {
    private final String customerType;
    private final boolean mediationClause;
    private final BigDecimal amountAtRisk;
    private final List<List<String>> candidates = new ArrayList<>(2);

    public EscalationLadder(String customerType, boolean mediationClause, BigDecimal amountAtRisk) {
        this.customerType = customerType;
        this.mediationClause = mediationClause;
        this.amountAtRisk = amountAtRisk;
    }

    public String getCustomerType() { return customerType; }
    public boolean isMediationClause() { return mediationClause; }
    public BigDecimal getAmountAtRisk() { return amountAtRisk; }

    /** Called by a table row, once per filled rung column, left to right. */
    public void rung(int position, String channel) {
        String code = CauseFinding.parse(Channel.class, channel, "channel").name();
        if (position == 1) {
            candidates.add(new ArrayList<>(4));
        } else if (candidates.isEmpty() || candidates.get(candidates.size() - 1).size() != position - 1) {
            throw new RowMistake("le recours " + position + " est rempli mais le recours " + (position - 1)
                    + " est vide : remplissez les recours depuis le premier, sans trou",
                    "rung " + position + " is filled but rung " + (position - 1)
                    + " is empty: fill the rungs from the first one, without gaps");
        }
        candidates.get(candidates.size() - 1).add(code);
    }

    /** The ladder of the first matching row; empty when no row matched. */
    public List<String> chosen() {
        return candidates.isEmpty() ? List.of() : List.copyOf(candidates.get(0));
    }
}
