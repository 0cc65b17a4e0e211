package fr.litiges.decision.facts;

import java.util.List;

/**
 * What the customer's words say about one sub-cause: the cues found and their total weight.
 * The engine builds it from the cue table's credits, so confidence rules can count cues.
 */
public final class TextEvidence {
    private final String subCause;
    private final double weight;
    private final int cueCount;
    private final List<String> phrases;

    public TextEvidence(String subCause, double weight, List<String> phrases) {
        this.subCause = subCause;
        this.weight = weight;
        this.cueCount = phrases.size();
        this.phrases = List.copyOf(phrases);
    }

    public String getSubCause() { return subCause; }
    public double getWeight() { return weight; }
    public int getCueCount() { return cueCount; }
    public List<String> getPhrases() { return phrases; }

    /** The customer's words, quoted, for the evidence list. */
    public String getQuotedPhrases() {
        StringBuilder out = new StringBuilder();
        for (String phrase : phrases) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append('"').append(phrase).append('"');
        }
        return out.toString();
    }
}
