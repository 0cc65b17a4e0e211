package fr.litiges.decision;

import fr.litiges.decision.facts.ChannelName;
import fr.litiges.decision.facts.ChannelRationale;
import fr.litiges.decision.facts.ChannelRecommendation;
import java.util.List;

/**
 * Fills the rationale sentence an analyst wrote in the rationale table with this dispute's
 * facts: {channel}, {previousChannel}, {previousOn}, and {jours} (or {days}), the recommended
 * channel's expected duration read from the channel table, so that a sentence never states a
 * figure the table no longer holds. The sentences and the channels' names are the tables'
 * answers (resolution.xlsx "Justifications" and "Noms des canaux"); one the sentence needs and
 * the tables did not give is said as such, never left blank.
 */
final class Rationale {
    private static final String NAMES_FR = "resolution.xlsx, feuille Noms des canaux";
    private static final String NAMES_EN = "resolution.xlsx, sheet Noms des canaux";

    private Rationale() {
    }

    /**
     * The sentence in the caller's language, else in English (a rationale row fills both);
     * {@code expectedDays} is null when the channel table has no row for the recommended channel.
     */
    static String of(ChannelRecommendation recommendation, List<ChannelRationale> rationales, List<ChannelName> names,
                     String language, Integer expectedDays) {
        if (recommendation == null) {
            return "fr".equals(language)
                    ? "Aucune échelle de recours ne correspond à ce client : vérifiez la table des échelles."
                    : "No escalation ladder matches this customer: check the ladder table.";
        }
        ChannelRationale chosen = find(rationales, language);
        if (chosen == null) {
            chosen = find(rationales, "en");
        }
        if (chosen == null) {
            throw new DecisionFailedException("les tables n'ont donné aucune justification pour le canal " + recommendation.getChannel()
                    + " dans la situation " + recommendation.getSituation() + " : ajoutez une ligne qui la couvre "
                    + "(resolution.xlsx, feuille Justifications)",
                    "the tables gave no rationale for channel " + recommendation.getChannel() + " in situation "
                    + recommendation.getSituation() + ": add a row that covers it (resolution.xlsx, sheet Justifications)", null);
        }
        String lang = chosen.getLanguage();
        String template = chosen.getTemplate();
        String sentence = template;
        if (template.contains("{channel}")) {
            sentence = sentence.replace("{channel}", name(names, recommendation.getChannel(), lang));
        }
        if (template.contains("{previousChannel}")) {
            sentence = sentence.replace("{previousChannel}", recommendation.getPreviousChannel() == null ? ""
                    : name(names, recommendation.getPreviousChannel(), lang));
        }
        sentence = sentence
                .replace("{previousOn}", recommendation.getPreviousOn() == null ? "" : recommendation.getPreviousOn().toString())
                .replace("{jours}", expectedDays == null ? "?" : expectedDays.toString())
                .replace("{days}", expectedDays == null ? "?" : expectedDays.toString());
        return capitalise(sentence);
    }

    private static ChannelRationale find(List<ChannelRationale> rationales, String language) {
        for (ChannelRationale rationale : rationales) {
            if (rationale.getLanguage().equals(language) && !rationale.getTemplate().isEmpty()) {
                return rationale;
            }
        }
        return null;
    }

    /** How the channel-name table names a channel in this language; a channel it does not name stops the decision. */
    static String name(List<ChannelName> names, String channel, String language) {
        for (ChannelName name : names) {
            if (name.getChannel().equals(channel) && name.getLanguage().equals(language)) {
                return name.getName();
            }
        }
        throw new DecisionFailedException("les tables ne donnent pas de nom en « " + language + " » au canal " + channel
                + ", que la justification nomme : ajoutez sa ligne (" + NAMES_FR + ")",
                "the tables give channel " + channel + " no name in '" + language + "', which the rationale names: add its row ("
                + NAMES_EN + ")", null);
    }

    private static String capitalise(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
