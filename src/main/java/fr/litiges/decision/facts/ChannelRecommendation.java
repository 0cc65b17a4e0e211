package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Channel;
import java.time.LocalDate;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * The channel the escalation rules recommend and the situation that led to it
 * (e.g. NO_ATTEMPT, NEXT_RUNG, ONGOING, RESOLVED, ALL_FAILED); the rationale table answers
 * with the sentence that explains it, per language ({@link ChannelRationale}).
 */
@ClassReactive
public final class ChannelRecommendation implements DecisionAnswer {
    private final String channel;
    private final String situation;
    private final String previousChannel;
    private final LocalDate previousOn;

    public ChannelRecommendation(String channel, String situation, String previousChannel, LocalDate previousOn) {
        this.channel = CauseFinding.parse(Channel.class, channel, "channel").name();
        this.situation = situation;
        this.previousChannel = previousChannel;
        this.previousOn = previousOn;
    }

    public ChannelRecommendation(String channel, String situation) {
        this(channel, situation, null, null);
    }

    public String getChannel() { return channel; }
    public String getSituation() { return situation; }
    public String getPreviousChannel() { return previousChannel; }
    public LocalDate getPreviousOn() { return previousOn; }

    /** The channels the rationale may name: the recommended one, then the one before it. */
    public List<String> namedChannels() {
        return previousChannel == null || previousChannel.equals(channel) ? List.of(channel) : List.of(channel, previousChannel);
    }
}
