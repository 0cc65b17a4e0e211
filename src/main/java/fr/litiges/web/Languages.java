package fr.litiges.web;

import java.util.List;
import java.util.Locale;

/** The language of a decision's texts: French when Accept-Language prefers it to English, else English. */
final class Languages {
    private static final List<String> SUPPORTED = List.of("en", "fr");

    private Languages() {
    }

    /** "fr" or "en" from an Accept-Language header (q-values respected); "en" when absent or unreadable. */
    static String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            // RFC 4647 lookup: ranges by descending q, each tried as is then truncated (fr-FR -> fr).
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return "fr".equals(tag) ? "fr" : "en";
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
    }
}
