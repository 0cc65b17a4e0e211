package fr.litiges.decision.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * An analyst cue compiled once into stems plus the number of arbitrary words allowed before each
 * stem. Immutable, hence shareable across threads through the static cache in
 * {@link CustomerText}.
 *
 * <p>Syntax: words match consecutively; {@code *} is exactly one arbitrary word; {@code ...} (three
 * or more dots) or {@code …} is a gap of 0 to {@value #GAP_MAX} arbitrary words. Wildcards add up,
 * so {@code "a * ... b"} allows 1 to 5 words between a and b. A {@code *} glued to a word
 * ("factur*") is still a whole-word wildcard, not a prefix match.
 */
final class Cue {

    static final int GAP_MAX = 4;

    final String source;
    /** Stems to find, in order. */
    final String[] words;
    /** minGap[i]/maxGap[i]: arbitrary words allowed between words[i-1] and words[i]; index 0 unused. */
    final int[] minGap;
    final int[] maxGap;

    private Cue(String source, String[] words, int[] minGap, int[] maxGap) {
        this.source = source;
        this.words = words;
        this.minGap = minGap;
        this.maxGap = maxGap;
    }

    /**
     * @throws IllegalArgumentException with the cue in the message, so that the rule loader can
     *         point the analyst at the faulty table row
     */
    static Cue compile(String source) {
        if (source == null) {
            throw new IllegalArgumentException("cue must not be null");
        }
        List<String> words = new ArrayList<>();
        List<Integer> mins = new ArrayList<>();
        List<Integer> maxs = new ArrayList<>();
        int pendingMin = 0;
        int pendingMax = 0;
        boolean wildcardBeforeFirstWord = false;
        boolean wildcardPending = false;

        int segmentStart = 0;
        int i = 0;
        int n = source.length();
        while (i <= n) {
            int markerLength = i == n ? 0 : markerLengthAt(source, i);
            if (i < n && markerLength == 0) {
                i++;
                continue;
            }
            // Literal words between wildcards go through the same normaliser as customer texts.
            for (TextNormalizer.Token t : TextNormalizer.tokenize(source.substring(segmentStart, i))) {
                mins.add(pendingMin);
                maxs.add(pendingMax);
                words.add(t.stem());
                pendingMin = 0;
                pendingMax = 0;
                wildcardPending = false;
            }
            if (i == n) {
                break;
            }
            if (words.isEmpty()) {
                wildcardBeforeFirstWord = true;
            }
            wildcardPending = true;
            if (source.charAt(i) == '*') {
                pendingMin += 1;
                pendingMax += 1;
            } else {
                pendingMax += GAP_MAX;
            }
            i += markerLength;
            segmentStart = i;
        }

        if (words.isEmpty()) {
            throw new IllegalArgumentException("cue \"" + source + "\" has no words");
        }
        if (wildcardBeforeFirstWord || wildcardPending) {
            throw new IllegalArgumentException("cue \"" + source
                    + "\" may not start or end with a wildcard (* or ...); remove it, a cue already matches anywhere in the text");
        }
        int size = words.size();
        int[] minGap = new int[size];
        int[] maxGap = new int[size];
        for (int k = 0; k < size; k++) {
            minGap[k] = mins.get(k);
            maxGap[k] = maxs.get(k);
        }
        return new Cue(source, words.toArray(String[]::new), minGap, maxGap);
    }

    /** Length of the wildcard starting at i, or 0 if there is none. */
    private static int markerLengthAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '*' || c == '\u2026') {
            return 1;
        }
        if (c == '.') {
            int j = i;
            while (j < s.length() && s.charAt(j) == '.') {
                j++;
            }
            // "etc." or ".." are mere punctuation; only three or more dots make a gap.
            return j - i >= 3 ? j - i : 0;
        }
        return 0;
    }

    @Override
    public String toString() {
        return "Cue[" + source + "]";
    }
}
