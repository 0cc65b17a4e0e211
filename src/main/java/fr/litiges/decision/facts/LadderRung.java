package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Channel;

/** One step of the escalation ladder chosen for this customer (1 = first channel to try). */
public final class LadderRung {
    private final int position;
    private final String channel;

    public LadderRung(int position, String channel) {
        this.position = position;
        this.channel = CauseFinding.parse(Channel.class, channel, "channel").name();
    }

    public int getPosition() { return position; }
    public String getChannel() { return channel; }
}
