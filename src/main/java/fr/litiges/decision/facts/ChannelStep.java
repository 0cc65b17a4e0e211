package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;

/**
 * A channel on the way to resolution (the recommended one, then the escalation path). The
 * channel table answers how long it takes and how often it settles the dispute
 * ({@link ChannelDuration}, {@link ChannelSuccessRate}).
 */
@ClassReactive
public final class ChannelStep implements DecisionAnswer {
    private final String channel;
    private final int position;

    public ChannelStep(String channel, int position) {
        this.channel = channel;
        this.position = position;
    }

    /** The recommended channel, then the rungs of the ladder after it (none when it is not on the ladder). */
    public static java.util.List<ChannelStep> wayFrom(String recommended, java.util.List<String> ladder) {
        java.util.List<ChannelStep> steps = new java.util.ArrayList<>();
        steps.add(new ChannelStep(recommended, 0));
        int index = ladder.indexOf(recommended);
        for (int i = index < 0 ? ladder.size() : index + 1; i < ladder.size(); i++) {
            steps.add(new ChannelStep(ladder.get(i), steps.size()));
        }
        return steps;
    }

    public String getChannel() { return channel; }
    public int getPosition() { return position; }

    @Override
    public String toString() {
        return "ChannelStep " + position + " " + channel;
    }
}
