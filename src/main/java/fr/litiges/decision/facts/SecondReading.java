package fr.litiges.decision.facts;

import java.util.List;

/**
 * The second reader's opinion of the customer's words (fr.litiges.text.SecondReader, learnt from
 * causes.xlsx "Exemples"): the sub-cause the words most look like (or NEEDS_REVIEW), its
 * probability, its margin over the second, and the words and examples that weighed most. One per
 * decision with a text the reader knows words of; never changed. What it may do is rules/second-reader.drl's
 * decision, with the thresholds of causes.xlsx "Second lecteur" ({@link ReaderThreshold}).
 */
public final class SecondReading {
    private final String subCause;
    private final double probability;
    private final String second;
    private final double margin;
    private final List<String> words;
    private final List<String> examples;

    public SecondReading(String subCause, double probability, String second, double margin, List<String> words, List<String> examples) {
        this.subCause = subCause;
        this.probability = probability;
        this.second = second;
        this.margin = margin;
        this.words = List.copyOf(words);
        this.examples = List.copyOf(examples);
    }

    public String getSubCause() { return subCause; }
    public double getProbability() { return probability; }
    public String getSecond() { return second; }
    public double getMargin() { return margin; }
    public List<String> getWords() { return words; }
    public List<String> getExamples() { return examples; }

    /** For the evidence: "«word», «word» (second reader, probability 0.93, margin 0.81, examples EX-0012, EX-0140)". */
    public String getExplanation() {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append('"').append(word).append('"');
        }
        out.append(String.format(java.util.Locale.ROOT, " (second reader, probability %.2f, margin %.2f", probability, margin));
        if (!examples.isEmpty()) {
            out.append(", examples ").append(String.join(", ", examples));
        }
        return out.append(')').toString();
    }

    @Override
    public String toString() {
        return "SecondReading " + subCause + " " + getExplanation();
    }
}
