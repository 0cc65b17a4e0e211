package fr.litiges.prevention.facts;

import java.util.HashMap;
import java.util.Map;

/** A plan's outcome, asked for the sentence that explains it (table "Justifications"). */
public final class PlanSummary {
    private final String status;
    private final String tier;
    private final boolean likelyDispute;
    private final Map<String, String> sentences = new HashMap<>();

    public PlanSummary(String status, String tier, boolean likelyDispute) {
        this.status = status;
        this.tier = tier;
        this.likelyDispute = likelyDispute;
    }

    public String getStatus() { return status; }
    public String getTier() { return tier; }
    public boolean isLikelyDispute() { return likelyDispute; }

    /** The first matching row gives the sentence of each language. */
    public void explain(String language, String sentence) {
        if (sentence != null && !sentence.isBlank()) {
            sentences.putIfAbsent(language, sentence);
        }
    }

    public String sentence(String language) {
        return sentences.get(language);
    }
}
