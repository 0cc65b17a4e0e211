package fr.litiges.decision.facts;

import java.time.LocalDate;

/** The customer's order ("Order" is a reserved word in several rule dialects). */
public final class PurchaseOrder {
    private final String ref;
    private final LocalDate orderedOn;

    public PurchaseOrder(String ref, LocalDate orderedOn) {
        this.ref = ref;
        this.orderedOn = orderedOn;
    }

    public String getRef() { return ref; }
    public LocalDate getOrderedOn() { return orderedOn; }
}
