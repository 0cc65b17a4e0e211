package fr.litiges.ruleset;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ruleset that decisions run on. A decision reads it once at its start and keeps
 * that snapshot to the end, so swapping in a new ruleset never disturbs a decision in flight.
 * Empty until the activator has put a ruleset through the gate at start-up.
 */
public final class ActiveRuleset {
    private final AtomicReference<Ruleset> current;

    public ActiveRuleset(Ruleset initial) {
        this.current = new AtomicReference<>(initial);
    }

    public ActiveRuleset() {
        this(null);
    }

    /** The active ruleset; fails while none has passed the gate yet (readiness is DOWN then). */
    public Ruleset current() {
        Ruleset ruleset = current.get();
        if (ruleset == null) {
            throw new IllegalStateException("no ruleset is active yet: the service is starting");
        }
        return ruleset;
    }

    public boolean isActive() {
        return current.get() != null;
    }

    void replace(Ruleset next) {
        current.set(next);
    }
}
