package fr.litiges.decision.facts;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Wording helpers for rules that sum up many facts in one finding (one finding per invoice or
 * per group, so that firings grow with the data, not with its pairs).
 */
public final class Evidence {
    /** How many items a sentence names before it says "and N more". */
    static final int NAMED = 5;

    private Evidence() {
    }

    /** "A and B", "A, B and C", or "A, B, C, D, E and 7 more", in sorted order. */
    /** The numbers of these invoices. */
    public static List<String> numbers(Collection<?> invoices) {
        return invoices.stream().map(invoice -> ((Invoice) invoice).getNumber()).toList();
    }

    public static String enumerate(Collection<?> items) {
        List<String> sorted = items.stream().map(Objects::toString).distinct().sorted().toList();
        if (sorted.size() <= 1) {
            return String.join("", sorted);
        }
        if (sorted.size() > NAMED) {
            return String.join(", ", sorted.subList(0, NAMED)) + " and " + (sorted.size() - NAMED) + " more";
        }
        return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " and " + sorted.get(sorted.size() - 1);
    }

    /** The first of the sentences in sorted order, followed by how many others there are. */
    public static String firstOf(Collection<String> sentences, String others) {
        List<String> sorted = sentences.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return "";
        }
        return sorted.size() == 1 ? sorted.get(0) : sorted.get(0) + ", and " + (sorted.size() - 1) + " " + others;
    }
}
