package fr.litiges.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the vocabulary word a customer's word is one typo away from (one letter missing, extra,
 * wrong, or two neighbours swapped: "factrue", "livrasion", "comande"). Only words of at least
 * {@value #MIN_LENGTH} letters are corrected, and only to a word with the same first letter and
 * a single candidate: short words are too close to each other for a guess to be safe.
 *
 * <p>The check is a symmetric one-deletion index: two words are within one edit when deleting
 * at most one letter from each gives the same string. Immutable apart from a bounded cache.
 */
final class TypoTolerance {
    static final int MIN_LENGTH = 6;
    private static final String AMBIGUOUS = "\u0000";
    private static final int MAX_CACHED = 50_000;

    private final Set<String> vocabulary;
    /** The form to put in the text for each vocabulary word (the word itself, or its accented spelling). */
    private final Map<String, String> replacements;
    /** A word with one letter deleted -> the vocabulary word it came from (or AMBIGUOUS). */
    private final Map<String, String> deletions = new HashMap<>();
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    TypoTolerance(Set<String> vocabulary) {
        this(identity(vocabulary));
    }

    /** @param replacements vocabulary word as compared (e.g. without accents) -> the form written back */
    TypoTolerance(Map<String, String> replacements) {
        this.replacements = Map.copyOf(replacements);
        this.vocabulary = this.replacements.keySet();
        for (String word : this.vocabulary) {
            if (word.length() < MIN_LENGTH) {
                continue;
            }
            deletions.merge(word, word, TypoTolerance::oneOf);
            for (int i = 1; i < word.length(); i++) {
                deletions.merge(delete(word, i), word, TypoTolerance::oneOf);
            }
        }
    }

    private static Map<String, String> identity(Set<String> words) {
        Map<String, String> map = new HashMap<>();
        words.forEach(w -> map.put(w, w));
        return map;
    }

    private static String oneOf(String a, String b) {
        return a.equals(b) ? a : AMBIGUOUS;
    }

    private static String delete(String word, int i) {
        return word.substring(0, i) + word.substring(i + 1);
    }

    /** The vocabulary word meant, or null when the word is known, too short, or no single word is near. */
    String correction(String word) {
        if (word.length() < MIN_LENGTH || vocabulary.contains(word)) {
            return null;
        }
        String cached = cache.get(word);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String match = search(word);
        String found = match == null ? null : replacements.get(match);
        if (cache.size() < MAX_CACHED && word.length() <= 40) {
            cache.put(word, found == null ? "" : found);
        }
        return found;
    }

    private String search(String word) {
        String found = null;
        // An extra letter in the customer's word, or a wrong/swapped one (both sides lose one letter).
        for (int i = 1; i < word.length(); i++) {
            String candidate = deletions.get(delete(word, i));
            found = merge(found, candidate, word);
        }
        // A missing letter: the customer's word is a deletion of a vocabulary word.
        found = merge(found, deletions.get(word), word);
        return found == AMBIGUOUS ? null : found;
    }

    private static String merge(String found, String candidate, String word) {
        if (candidate == null || candidate.charAt(0) != word.charAt(0) && candidate != AMBIGUOUS) {
            return found;
        }
        if (found == null) {
            return candidate;
        }
        return found.equals(candidate) ? found : AMBIGUOUS;
    }
}
