package fr.litiges.decision.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every cue of a ruleset, compiled once when the ruleset is built. Each word of the cue
 * vocabulary gets a number, each cue is filed under its first word, and a text is turned into
 * word numbers once; finding the cues of a text then costs one lookup per word of the text plus
 * integer comparisons, instead of one check per cue row. The rules only see the cues found
 * ({@link CueFound}), matched by Drools' hashed equality index. Immutable and thread-safe.
 */
public final class CueIndex {
    public static final CueIndex EMPTY = new CueIndex(Map.of(), new IndexedCue[0][], 0);

    /** A cue with its words as vocabulary numbers. */
    private record IndexedCue(Cue cue, int[] words) {
    }

    private final Map<String, Integer> vocabulary;
    /** byFirstWord[word number] = the cues starting with that word, or null. */
    private final IndexedCue[][] byFirstWord;
    private final int size;

    private CueIndex(Map<String, Integer> vocabulary, IndexedCue[][] byFirstWord, int size) {
        this.vocabulary = vocabulary;
        this.byFirstWord = byFirstWord;
        this.size = size;
    }

    /**
     * @throws IllegalArgumentException naming the first cue that cannot be compiled
     */
    public static CueIndex of(Collection<String> cues) {
        Map<String, Integer> vocabulary = new HashMap<>();
        Map<Integer, List<IndexedCue>> byFirst = new HashMap<>();
        Set<String> distinct = new LinkedHashSet<>(cues);
        for (String source : distinct) {
            Cue cue = Cue.compile(source);
            int[] words = new int[cue.words.length];
            for (int i = 0; i < words.length; i++) {
                words[i] = vocabulary.computeIfAbsent(cue.words[i], w -> vocabulary.size());
            }
            byFirst.computeIfAbsent(words[0], k -> new ArrayList<>(2)).add(new IndexedCue(cue, words));
        }
        IndexedCue[][] byFirstWord = new IndexedCue[vocabulary.size()][];
        byFirst.forEach((word, list) -> byFirstWord[word] = list.toArray(IndexedCue[]::new));
        return new CueIndex(vocabulary, byFirstWord, distinct.size());
    }

    /** Why the cue cannot be used, or null when it compiles. */
    public static String problemWith(String cue) {
        try {
            Cue.compile(cue);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public int size() {
        return size;
    }

    /** The cues found in the text, one (leftmost, tightest) hit per cue. */
    public List<CueFound> findIn(CustomerText text) {
        List<CueFound> found = new ArrayList<>();
        String[] stems = text.stems();
        int n = stems.length;
        if (n == 0 || size == 0) {
            return found;
        }
        // words[i]: vocabulary number of token i (-1 when no cue uses it); first/next chain the occurrences of a word.
        int[] words = new int[n];
        int[] first = new int[byFirstWord.length];
        Arrays.fill(first, -1);
        int[] next = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            Integer word = vocabulary.get(stems[i]);
            words[i] = word == null ? -1 : word;
            if (word != null) {
                next[i] = first[word];
                first[word] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            int word = words[i];
            if (word < 0 || first[word] != i || byFirstWord[word] == null) {
                continue;
            }
            for (IndexedCue candidate : byFirstWord[word]) {
                if (!allWordsPresent(candidate.words(), first)) {
                    continue;
                }
                for (int start = i; start >= 0; start = next[start]) {
                    int last = matchRest(candidate, words, 1, start);
                    if (last >= 0) {
                        found.add(new CueFound(text, text.hit(candidate.cue().source, start, last)));
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static boolean allWordsPresent(int[] cueWords, int[] first) {
        for (int k = 1; k < cueWords.length; k++) {
            if (first[cueWords[k]] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Index of the last matched token when words[k..] of the cue follow token prev, else -1; fewest skipped words first. */
    private static int matchRest(IndexedCue candidate, int[] words, int k, int prev) {
        int[] cueWords = candidate.words();
        if (k == cueWords.length) {
            return prev;
        }
        Cue cue = candidate.cue();
        for (int gap = cue.minGap[k]; gap <= cue.maxGap[k]; gap++) {
            int pos = prev + 1 + gap;
            if (pos >= words.length) {
                return -1;
            }
            if (words[pos] == cueWords[k]) {
                int last = matchRest(candidate, words, k + 1, pos);
                if (last >= 0) {
                    return last;
                }
            }
        }
        return -1;
    }
}
