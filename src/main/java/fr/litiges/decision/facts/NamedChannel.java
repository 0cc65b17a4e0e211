package fr.litiges.decision.facts;

import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * A channel the rationale may name (the recommended one, the one tried before it): what the
 * channel-name table looks up, so that it names only the channels a sentence can mention.
 */
@ClassReactive
public final class NamedChannel implements DecisionAnswer {
    private final String channel;

    public NamedChannel(String channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    public String getChannel() { return channel; }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedChannel named && named.channel.equals(channel);
    }

    @Override
    public int hashCode() {
        return channel.hashCode();
    }

    @Override
    public String toString() {
        return "NamedChannel " + channel;
    }
}
