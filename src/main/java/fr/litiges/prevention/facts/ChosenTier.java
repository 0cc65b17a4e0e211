package fr.litiges.prevention.facts;

import fr.litiges.prevention.api.PreventionCodes;
import fr.litiges.prevention.api.PreventionCodes.RiskTier;
import org.kie.api.definition.type.ClassReactive;

/** The risk table's answer (sheet "Niveau de risque"): the tier of one invoice. */
@ClassReactive
public final class ChosenTier {
    private final String invoice;
    private final RiskTier tier;

    public ChosenTier(String invoice, String tier) {
        this.invoice = invoice;
        this.tier = PreventionCodes.parse(RiskTier.class, tier, "risk tier");
    }

    public String getInvoice() { return invoice; }
    public RiskTier getTier() { return tier; }

    @Override
    public String toString() {
        return "ChosenTier " + invoice + " " + tier;
    }
}
