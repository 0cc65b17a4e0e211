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
    /*
     * A word with one letter deleted -> the vocabulary word it came from (or AMBIGUOUS), as an
     * open-addressed table probed with the String hash of a deletion computed from the customer's word
     * (prefix and suffix hashes): no string is made for each of its deletions. keys[slot] null: empty.
     */
    private final int[] hashes;
    private final String[] keys;
    private final String[] values;
    private final int mask;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    TypoTolerance(Set<String> vocabulary) {
        this(identity(vocabulary));
    }

    /** @param replacements vocabulary word as compared (e.g. without accents) -> the form written back */
    TypoTolerance(Map<String, String> replacements) {
        this.replacements = Map.copyOf(replacements);
        this.vocabulary = this.replacements.keySet();
        Map<String, String> deletions = new HashMap<>();
        for (String word : this.vocabulary) {
            if (word.length() < MIN_LENGTH) {
                continue;
            }
            deletions.merge(word, word, TypoTolerance::oneOf);
            for (int i = 1; i < word.length(); i++) {
                deletions.merge(delete(word, i), word, TypoTolerance::oneOf);
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, deletions.size() * 2)) * 2;
        hashes = new int[capacity];
        keys = new String[capacity];
        values = new String[capacity];
        mask = capacity - 1;
        deletions.forEach((key, value) -> {
            int slot = spread(key.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            hashes[slot] = key.hashCode();
            keys[slot] = key;
            values[slot] = value;
        });
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
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
        int n = word.length();
        String found = null;
        // An extra letter in the customer's word, or a wrong/swapped one (both sides lose one letter).
        // The hash of the word without letter i is prefix(0..i) * 31^(n-1-i) + suffix(i+1..n), as String.hashCode() gives it.
        int[] prefix = new int[n];
        for (int i = 1; i < n; i++) {
            prefix[i] = 31 * prefix[i - 1] + word.charAt(i - 1);
        }
        int suffix = 0;
        int power = 1;
        for (int i = n - 1; i >= 1; i--) {
            found = merge(found, deleted(word, i, prefix[i] * power + suffix), word);
            suffix += word.charAt(i) * power;
            power *= 31;
        }
        // A missing letter: the customer's word is a deletion of a vocabulary word.
        found = merge(found, deleted(word, -1, word.hashCode()), word);
        return found == AMBIGUOUS ? null : found;
    }

    /** The table's value for the word without its letter at {@code skip} (none when -1), or null. */
    private String deleted(String word, int skip, int hash) {
        int length = skip < 0 ? word.length() : word.length() - 1;
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameAsDeleted(keys[slot], length, word, skip)) {
                return values[slot];
            }
        }
        return null;
    }

    private static boolean sameAsDeleted(String key, int length, String word, int skip) {
        if (key.length() != length) {
            return false;
        }
        if (skip < 0) {
            return key.equals(word);
        }
        return key.regionMatches(0, word, 0, skip) && key.regionMatches(skip, word, skip + 1, length - skip);
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
