package fr.litiges.decision;

import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.facts.ChannelRecommendation;
import java.util.Map;

/**
 * Fills the rationale sentence an analyst wrote in the rationale table with this dispute's
 * facts: {channel}, {previousChannel}, {previousOn}, and {jours} (or {days}), the recommended
 * channel's expected duration read from the channel table, so that a sentence never states a
 * figure the table no longer holds. Channel names per language are
 * presentation of the contract's fixed codes, so they live here.
 */
final class Rationale {
    private static final Map<Channel, String> EN = Map.of(
            Channel.AMICABLE_SETTLEMENT, "amicable settlement",
            Channel.BUSINESS_MEDIATION, "the Médiation des entreprises",
            Channel.THIRD_PARTY_MEDIATION, "a third-party mediator",
            Channel.BP5000_CONCILIATION, "the BP 5000 conciliation",
            Channel.JUDICIAL_PROCEEDINGS, "court proceedings");
    private static final Map<Channel, String> FR = Map.of(
            Channel.AMICABLE_SETTLEMENT, "la transaction amiable",
            Channel.BUSINESS_MEDIATION, "la Médiation des entreprises",
            Channel.THIRD_PARTY_MEDIATION, "un médiateur tiers",
            Channel.BP5000_CONCILIATION, "la conciliation de la boîte postale 5000",
            Channel.JUDICIAL_PROCEEDINGS, "la procédure judiciaire");

    private Rationale() {
    }

    static String of(ChannelRecommendation recommendation, String language) {
        return of(recommendation, language, null);
    }

    static String of(ChannelRecommendation recommendation, String language, Integer expectedDays) {
        if (recommendation == null) {
            return "fr".equals(language)
                    ? "Aucune échelle de recours ne correspond à ce client : vérifiez la table des échelles."
                    : "No escalation ladder matches this customer: check the ladder table.";
        }
        String template = recommendation.rationaleTemplate(language);
        String lang = language;
        if (template == null) {
            template = recommendation.rationaleTemplate("en");
            lang = "en";
        }
        Channel channel = Channel.valueOf(recommendation.getChannel());
        if (template == null) {
            return "fr".equals(language) ? "Canal recommandé : " + label(channel, "fr") + "." : "Recommended channel: " + label(channel, "en") + ".";
        }
        String previous = recommendation.getPreviousChannel() == null ? "" : label(Channel.valueOf(recommendation.getPreviousChannel()), lang);
        String sentence = template
                .replace("{channel}", label(channel, lang))
                .replace("{previousChannel}", previous)
                .replace("{previousOn}", recommendation.getPreviousOn() == null ? "" : recommendation.getPreviousOn().toString())
                .replace("{jours}", expectedDays == null ? "?" : expectedDays.toString())
                .replace("{days}", expectedDays == null ? "?" : expectedDays.toString());
        return capitalise(sentence);
    }

    static String label(Channel channel, String language) {
        return ("fr".equals(language) ? FR : EN).get(channel);
    }

    private static String capitalise(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
