package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Channel;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** The channel-name table's answer: how a sentence names a channel in one language. */
@ClassReactive
public final class ChannelName implements DecisionAnswer {
    private final String channel;
    private final String language;
    private final String name;

    public ChannelName(String channel, String language, String name) {
        this.channel = CauseFinding.parse(Channel.class, channel, "channel").name();
        this.language = Objects.requireNonNull(language, "language");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the name of channel " + channel + " in '" + language + "' is empty");
        }
        this.name = name.trim();
    }

    public String getChannel() { return channel; }
    public String getLanguage() { return language; }
    public String getName() { return name; }

    @Override
    public String toString() {
        return "ChannelName " + channel + " " + language;
    }
}
