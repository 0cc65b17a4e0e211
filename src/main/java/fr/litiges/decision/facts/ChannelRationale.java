package fr.litiges.decision.facts;

import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * The rationale table's sentence for the recommended channel, in one language, before the
 * dispute's facts fill its placeholders ({channel}, {previousChannel}, {previousOn}, {jours}).
 */
@ClassReactive
public final class ChannelRationale implements DecisionAnswer {
    private final String channel;
    private final String language;
    private final String template;

    public ChannelRationale(String channel, String language, String template) {
        this.channel = channel;
        this.language = Objects.requireNonNull(language, "language");
        this.template = template == null ? "" : template.trim();
    }

    public String getChannel() { return channel; }
    public String getLanguage() { return language; }
    public String getTemplate() { return template; }

    @Override
    public String toString() {
        return "ChannelRationale " + channel + " " + language;
    }
}
