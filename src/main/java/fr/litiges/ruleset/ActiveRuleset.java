package fr.litiges.ruleset;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ruleset that decisions run on. A decision reads it once at its start and keeps
 * that snapshot to the end, so swapping in a new ruleset never disturbs a decision in flight.
 */
public final class ActiveRuleset {
    private final AtomicReference<Ruleset> current;

    public ActiveRuleset(Ruleset initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Ruleset current() {
        return current.get();
    }

    void replace(Ruleset next) {
        current.set(next);
    }
}
