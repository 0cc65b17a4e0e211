package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;

/** The channel table's answer: how many days a channel takes to settle the dispute when it succeeds. */
@ClassReactive
public final class ChannelDuration implements DecisionAnswer {
    private final String channel;
    private final int expectedDays;

    public ChannelDuration(String channel, int expectedDays) {
        if (expectedDays < 0) {
            throw new IllegalArgumentException("expected days for " + channel + " must not be negative: " + expectedDays);
        }
        this.channel = channel;
        this.expectedDays = expectedDays;
    }

    public String getChannel() { return channel; }
    public int getExpectedDays() { return expectedDays; }

    @Override
    public String toString() {
        return "ChannelDuration " + channel + " " + expectedDays;
    }
}
