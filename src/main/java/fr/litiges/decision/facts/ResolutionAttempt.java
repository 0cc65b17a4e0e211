package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;
import java.time.LocalDate;

/** An earlier attempt at resolving the dispute. */
// Immutable: class reactivity costs nothing and spares constraints that compare two facts a warning.
@ClassReactive
public final class ResolutionAttempt {
    private final String channel;
    private final LocalDate startedOn;
    private final String outcome;

    public ResolutionAttempt(String channel, LocalDate startedOn, String outcome) {
        this.channel = channel;
        this.startedOn = startedOn;
        this.outcome = outcome;
    }

    public String getChannel() { return channel; }
    public LocalDate getStartedOn() { return startedOn; }
    public String getOutcome() { return outcome; }
}
