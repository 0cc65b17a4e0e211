package fr.litiges.prevention.facts;

import org.kie.api.definition.type.ClassReactive;

/** The scope table's answer, from the same row as the skip: whether dunning waits for this invoice (holdDunning). */
@ClassReactive
public final class DunningHold {
    private final String invoice;
    private final boolean hold;

    public DunningHold(String invoice, boolean hold) {
        this.invoice = invoice;
        this.hold = hold;
    }

    public String getInvoice() { return invoice; }
    public boolean isHold() { return hold; }

    @Override
    public String toString() {
        return "DunningHold " + invoice + " " + hold;
    }
}
