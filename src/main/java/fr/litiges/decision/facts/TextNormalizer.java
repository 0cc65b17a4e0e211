package fr.litiges.decision.facts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns French/English free text into a list of stemmed tokens, each remembering where it sits in
 * the original string. Customer texts and analyst cues go through this very same function, so a
 * cue matches a text exactly when their stems line up; the stems themselves never leave this
 * package.
 *
 * <p>Stateless and thread-safe.
 */
final class TextNormalizer {

    /** A normalised word; {@code start}/{@code end} are char offsets in the original string. */
    record Token(String stem, int start, int end) {
    }

    private TextNormalizer() {
    }

    /*
     * "un"/"one" are deliberately absent: they are articles/pronouns far more often than counts.
     * "four" (also French for "oven") and "six" are mapped in both languages; a cue goes through
     * the same mapping, so "four cassé" still matches "four cassé".
     */
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("deux", "2"), Map.entry("trois", "3"), Map.entry("quatre", "4"),
            Map.entry("cinq", "5"), Map.entry("six", "6"), Map.entry("dix", "10"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("ten", "10"));

    /*
     * Suffix -> replacement, longest first so that e.g. "facturees" loses "ees" rather than "s".
     * Two suffixes of equal length can never both match, so the order inside a length is free.
     */
    private static final String[][] SUFFIXES = {
            {"ations", ""}, {"ements", ""},
            {"ation", ""}, {"ement", ""}, {"euses", ""}, {"elles", "el"},
            {"euse", ""}, {"ings", ""}, {"ants", ""}, {"elle", "el"},
            {"eux", ""}, {"ing", ""}, {"ied", "y"}, {"ies", "y"}, {"ees", ""}, {"ant", ""},
            {"ee", ""}, {"ed", ""}, {"es", ""}, {"er", ""}, {"ez", ""},
            {"s", ""}, {"e", ""}, {"y", ""},
    };

    private static final int MIN_STEM = 3;
    private static final int MAX_PASSES = 3;

    /*
     * Folding of U+0080..U+024F (Latin-1 + Latin Extended A/B) is precomputed: these are nearly
     * all the non-ASCII letters a French/English text contains, and Normalizer is comparatively
     * slow. Anything beyond is folded on the fly.
     */
    private static final int FOLD_TABLE_END = 0x250;
    private static final String[] FOLD_TABLE = new String[FOLD_TABLE_END];

    static {
        for (int cp = 0x80; cp < FOLD_TABLE_END; cp++) {
            FOLD_TABLE[cp] = foldSlow(cp);
        }
    }

    /** Tokenises, folds, expands contractions, maps number words and stems. Never null. */
    static List<Token> tokenize(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Token> out = new ArrayList<>(Math.max(4, text.length() / 5));
        List<RawWord> words = split(text);
        for (int j = 0; j < words.size(); j++) {
            RawWord w = words.get(j);
            RawWord next = j + 1 < words.size() ? words.get(j + 1) : null;
            if (next != null && isNegativeContraction(text, w, next)) {
                // Both halves span the whole "didn't" so that a matched text shows the word as written.
                String base = switch (w.text) {
                    case "can" -> "can";
                    case "won" -> "will";
                    case "shan" -> "shall";
                    default -> w.text.substring(0, w.text.length() - 1);
                };
                out.add(new Token(normalizeWord(base), w.start, next.end));
                out.add(new Token("not", w.start, next.end));
                j++;
            } else if (w.text.equals("cannot")) {
                out.add(new Token("can", w.start, w.end));
                out.add(new Token("not", w.start, w.end));
            } else {
                out.add(new Token(normalizeWord(w.text), w.start, w.end));
            }
        }
        return out;
    }

    /*
     * Customers use the same few thousand words over and over: caching their stems makes
     * normalising a text mostly hash lookups. Keys are customer words, so the cache is capped; past
     * the cap, words are stemmed on the fly (same result, only slower).
     */
    private static final int MAX_CACHED_WORDS = 100_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> STEMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Number-word mapping then stemming of one already folded word. */
    static String normalizeWord(String folded) {
        String cached = STEMS.get(folded);
        if (cached != null) {
            return cached;
        }
        String number = NUMBER_WORDS.get(folded);
        String normalized = number != null ? number : stem(folded);
        if (STEMS.size() < MAX_CACHED_WORDS && folded.length() <= 40) {
            STEMS.putIfAbsent(folded, normalized);
        }
        return normalized;
    }

    /**
     * Light suffix stripper. It is not linguistically right; it only needs to send the
     * inflections analysts and customers actually use to the same key while keeping unrelated
     * words apart, and to be applied identically to both sides.
     */
    static String stem(String word) {
        if (word.length() <= MIN_STEM || containsDigit(word)) {
            // Short words are too ambiguous to strip, and references like "po4411" must stay exact.
            return word;
        }
        String w = word;
        for (int pass = 0; pass < MAX_PASSES && w.length() > MIN_STEM; pass++) {
            String stripped = stripOneSuffix(w);
            if (stripped == null) {
                break;
            }
            w = stripped;
        }
        return w;
    }

    private static String stripOneSuffix(String w) {
        for (String[] rule : SUFFIXES) {
            String suffix = rule[0];
            if (!w.endsWith(suffix)) {
                continue;
            }
            int cut = w.length() - suffix.length();
            if (suffix.equals("s") && w.charAt(cut - 1) == 's') {
                continue; // "class", "express", "cass": a double s is part of the word
            }
            if (suffix.equals("y") && w.length() <= 4) {
                continue; // "very", "copy", "pay" would lose too much
            }
            String result = w.substring(0, cut) + rule[1];
            if (result.length() < MIN_STEM) {
                continue; // try a shorter suffix instead, e.g. "does" -> "doe" rather than "do"
            }
            if (suffix.equals("ing") || suffix.equals("ings") || suffix.equals("ed")) {
                result = undouble(result);
            }
            return result;
        }
        return null;
    }

    /** shipped -> ship, stopped -> stop; but billed -> bill, missing -> miss, buzzed -> buzz. */
    private static String undouble(String w) {
        int n = w.length();
        if (n - 1 < MIN_STEM) {
            return w;
        }
        char last = w.charAt(n - 1);
        if (last == w.charAt(n - 2) && isConsonant(last) && last != 'l' && last != 's' && last != 'z') {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
    }

    private static boolean containsDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "didn't", "can’t", "won't": a word ending in n, one apostrophe, then a lone "t". */
    private static boolean isNegativeContraction(String text, RawWord w, RawWord next) {
        return next.text.equals("t")
                && w.text.length() >= 2
                && w.text.endsWith("n")
                && next.start == w.end + 1
                && isApostrophe(text.charAt(w.end));
    }

    static boolean isApostrophe(int cp) {
        // U+02BC is a Unicode *letter*, so it must be listed explicitly to act as a separator.
        return cp == '\'' || cp == '\u2019' || cp == '`' || cp == '\u2018' || cp == '\u02BC' || cp == '\u2032';
    }

    /** A folded word before contraction handling and stemming. */
    private record RawWord(String text, int start, int end) {
    }

    /**
     * Folds char by char (rather than normalising the whole string) because NFD and ligature
     * expansion change lengths, and every word must keep its offsets in the original text.
     */
    private static List<RawWord> split(String text) {
        List<RawWord> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder(16);
        int curStart = -1;
        int curEnd = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80) {
                char c = (char) cp;
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    if (curStart < 0) {
                        curStart = i;
                    }
                    cur.append(c);
                    curEnd = next;
                } else if (curStart >= 0) {
                    words.add(new RawWord(cur.toString(), curStart, curEnd));
                    cur.setLength(0);
                    curStart = -1;
                }
            } else if (isApostrophe(cp)) {
                if (curStart >= 0) {
                    words.add(new RawWord(cur.toString(), curStart, curEnd));
                    cur.setLength(0);
                    curStart = -1;
                }
            } else {
                String folded = fold(cp);
                if (folded.isEmpty()) {
                    // A lone combining mark (text already in NFD): belongs to the word it follows.
                    if (curStart >= 0) {
                        curEnd = next;
                    }
                }
                for (int k = 0; k < folded.length(); ) {
                    int fc = folded.codePointAt(k);
                    k += Character.charCount(fc);
                    if (Character.isLetterOrDigit(fc)) {
                        if (curStart < 0) {
                            curStart = i;
                        }
                        cur.appendCodePoint(fc);
                        curEnd = next;
                    } else if (curStart >= 0) {
                        words.add(new RawWord(cur.toString(), curStart, curEnd));
                        cur.setLength(0);
                        curStart = -1;
                    }
                }
            }
            i = next;
        }
        if (curStart >= 0) {
            words.add(new RawWord(cur.toString(), curStart, curEnd));
        }
        return words;
    }

    /** Lower case, accents removed, ligatures expanded, for one non-ASCII code point. */
    private static String fold(int cp) {
        if (cp < FOLD_TABLE_END) {
            return FOLD_TABLE[cp];
        }
        return foldSlow(cp);
    }

    private static String foldSlow(int cp) {
        int lower = Character.toLowerCase(cp);
        switch (lower) {
            case '\u0153': return "oe";   // œ (NFD does not decompose ligatures)
            case '\u00E6': return "ae";   // æ
            case '\u00DF': return "ss";   // ß
            default: break;
        }
        String nfd = Normalizer.normalize(new String(Character.toChars(lower)), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int k = 0; k < nfd.length(); ) {
            int c = nfd.codePointAt(k);
            k += Character.charCount(c);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK
                    && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }
}
