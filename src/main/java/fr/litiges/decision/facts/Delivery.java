package fr.litiges.decision.facts;

import java.time.LocalDate;

public final class Delivery {
    private final String ref;
    private final LocalDate deliveredOn;
    private final boolean conforming;

    public Delivery(String ref, LocalDate deliveredOn, boolean conforming) {
        this.ref = ref;
        this.deliveredOn = deliveredOn;
        this.conforming = conforming;
    }

    public String getRef() { return ref; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public boolean isConforming() { return conforming; }
}
