package fr.litiges.decision.facts;

import java.time.LocalDate;

/** An earlier attempt at resolving the dispute. */
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
