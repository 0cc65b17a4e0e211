package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Channel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The channel the escalation rules recommend and the situation that led to it
 * (e.g. NO_ATTEMPT, NEXT_RUNG, ONGOING, RESOLVED, ALL_FAILED); the rationale table then
 * attaches the sentence that explains it, per language.
 */
public final class ChannelRecommendation {
    private final String channel;
    private final String situation;
    private final String previousChannel;
    private final LocalDate previousOn;
    private final Map<String, String> rationales = new HashMap<>(4);

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

    /** Called by the rationale table: the sentence template for one language. */
    public void explain(String language, String template) {
        if (template != null && !template.isBlank()) {
            rationales.putIfAbsent(language, template.trim());
        }
    }

    public String rationaleTemplate(String language) {
        return rationales.get(language);
    }
}
