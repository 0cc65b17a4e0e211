package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;

/** The channel table's answer: how often a channel settles the dispute (0 to 1). */
@ClassReactive
public final class ChannelSuccessRate {
    private final String channel;
    private final double successRate;

    public ChannelSuccessRate(String channel, double successRate) {
        if (!(successRate >= 0 && successRate <= 1)) {
            throw new IllegalArgumentException("success rate for " + channel + " must be between 0 and 1: " + successRate);
        }
        this.channel = channel;
        this.successRate = successRate;
    }

    public String getChannel() { return channel; }
    public double getSuccessRate() { return successRate; }

    @Override
    public String toString() {
        return "ChannelSuccessRate " + channel + " " + successRate;
    }
}
