package fr.litiges.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Reads a customer's text into analysed words, as {@link WordsAnalyzer} would with the synonyms,
 * but at a fraction of the cost: this runs once per decision on e-mails of thousands of characters.
 *
 * <ul>
 * <li>Words are cut by a scanner that follows the word-boundary rules Lucene's standard tokenizer
 * applies to Latin text (letters and digits together; "l'avoir", "B.L", "3,5", "v1.2" stay one
 * word), with the customer's apostrophes (’ ‘ ` ʼ ′) read as '.</li>
 * <li>Everything else Lucene does to a word (elision, stop words, typo tolerance, stemming,
 * folding) depends on that word alone, so its result is remembered per ruleset: a word seen once
 * is a hash look-up afterwards. The memory is bounded; past it, new words go through Lucene each
 * time.</li>
 * <li>The analysts' synonyms are applied on the analysed words from a table built when the ruleset
 * is compiled, placing words exactly as Lucene's {@code SynonymGraphFilter} does (greedy longest
 * input; the original words kept; the output words beside them).</li>
 * </ul>
 */
final class CustomerWords {
    /** Lucene's standard tokenizer cuts longer words at this length. */
    private static final int MAX_WORD = 255;
    private static final int MAX_REMEMBERED = 100_000;
    /** A synonym row as analysed words: the customer's words and what they mean. */
    record Synonym(String[] input, String[] output) {
    }

    /**
     * An analysed word, what the tables attach to it (see {@link #tag}) and the synonyms whose
     * customer's words start with it (or null), computed once per word.
     */
    record Word(String term, Object tag, Synonym[] synonyms) {
    }

    /** The analysed form of a stop word: it takes a position but gives no word. */
    private static final Word STOP = new Word(null, null, null);

    private final Analyzer oneWord;
    /** First analysed word of an input -> the synonyms starting with it, longest input first. */
    private final Map<String, Synonym[]> synonyms;
    /** The words of the synonyms' meanings, with their tags. */
    private final Map<String, Word> meanings = new HashMap<>();
    /** What the tables attach to an analysed word (e.g. the concept entries it starts), or null. */
    private final Function<String, Object> tag;
    private final ConcurrentHashMap<WordKey, Word> remembered = new ConcurrentHashMap<>();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * @param oneWord the analysis of one word as the whole chain does it, synonyms apart
     * @param synonyms see {@link #synonyms}
     * @param tag see {@link #tag}
     */
    CustomerWords(Analyzer oneWord, Map<String, Synonym[]> synonyms, Function<String, Object> tag) {
        this.oneWord = oneWord;
        this.synonyms = Map.copyOf(synonyms);
        this.tag = tag;
        for (Synonym[] list : synonyms.values()) {
            for (Synonym synonym : list) {
                for (String term : synonym.output()) {
                    meanings.computeIfAbsent(term, t -> new Word(t, tag.apply(t), this.synonyms.get(t)));
                }
            }
        }
    }

    /** The analysed words of one text (one entry per word, synonyms beside their words). */
    static final class Tokens {
        String[] terms;
        Object[] tags;
        int[] positions;
        int[] starts;
        int[] ends;
        int size;

        /** @param capacity the words expected (more are taken, at the cost of copying) */
        Tokens(int capacity) {
            terms = new String[capacity];
            tags = new Object[capacity];
            positions = new int[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(Word word, int position, int start, int end) {
            if (size == terms.length) {
                int n = size * 2;
                terms = Arrays.copyOf(terms, n);
                tags = Arrays.copyOf(tags, n);
                positions = Arrays.copyOf(positions, n);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
            }
            terms[size] = word.term();
            tags[size] = word.tag();
            positions[size] = position;
            starts[size] = start;
            ends[size] = end;
            size++;
        }
    }

    /** Per-thread buffers: the words before synonyms, and the word being read. */
    private static final class Scratch {
        char[] word = new char[64];
        /** The hash of the word being read, as String.hashCode() would give it, kept up to date by {@link #append}. */
        int hash;
        final WordKey key = new WordKey();
        Word[] words = new Word[64];
        int[] increments = new int[64];
        int[] starts = new int[64];
        int[] ends = new int[64];
        int size;

        void add(Word word, int increment, int start, int end) {
            if (size == words.length) {
                int n = size * 2;
                words = Arrays.copyOf(words, n);
                increments = Arrays.copyOf(increments, n);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
            }
            words[size] = word;
            increments[size] = increment;
            starts[size] = start;
            ends[size] = end;
            size++;
        }
    }

    Tokens read(String text) {
        Scratch s = scratch.get();
        s.size = 0;
        scan(text, s);
        // Room for the words and a few synonyms' words beside them: no copying on a usual text.
        Tokens out = new Tokens(s.size + s.size / 4 + 8);
        applySynonyms(s, out);
        return out;
    }

    // ------------------------------------------------------------------ words

    private static final int OTHER = 0;
    private static final int LETTER = 1;
    private static final int DIGIT = 2;
    /** "_" and other connectors: join letters and digits on both sides. */
    private static final int CONNECTOR = 3;
    /** Accents typed as combining marks, and format characters: part of the word before them. */
    private static final int EXTEND = 4;

    private static final byte[] ASCII_KINDS = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_KINDS[c] = (byte) (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? LETTER
                    : c >= '0' && c <= '9' ? DIGIT : c == '_' ? CONNECTOR : OTHER);
        }
    }

    private static int kind(int c) {
        if (c < 0x80) {
            return ASCII_KINDS[c];
        }
        if (c == 0x02BC) {
            return OTHER; // ʼ is read as an apostrophe
        }
        if (Character.isLetter(c)) {
            return LETTER;
        }
        if (Character.isDigit(c)) {
            return DIGIT;
        }
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> EXTEND;
            case Character.CONNECTOR_PUNCTUATION -> CONNECTOR;
            default -> OTHER;
        };
    }

    private static boolean apostrophe(int c) {
        return c == '\'' || c == 0x2019 || c == 0x2018 || c == '`' || c == 0x02BC || c == 0x2032;
    }

    /** Joins two letters: "l'avoir", "B.L", "objet:facture". */
    private static boolean joinsLetters(int c) {
        return apostrophe(c) || c == '.' || c == ':' || c == 0x00B7 || c == 0x2024 || c == 0xFE52 || c == 0xFF07 || c == 0xFF0E
                || c == 0x0387 || c == 0x2027 || c == 0xFE13 || c == 0xFE55 || c == 0xFF1A;
    }

    /** Joins two digits: "3,5", "1.200", "12;5". */
    private static boolean joinsDigits(int c) {
        return apostrophe(c) || c == '.' || c == ',' || c == ';' || c == 0x2024 || c == 0xFE52 || c == 0xFF07 || c == 0xFF0E
                || c == 0x037E || c == 0x0589 || c == 0x060C || c == 0x060D || c == 0x066C || c == 0x07F8 || c == 0x2044
                || c == 0xFE10 || c == 0xFE14 || c == 0xFE50 || c == 0xFE54 || c == 0xFF0C || c == 0xFF1B;
    }

    /** Cuts the text into words and looks each one up. */
    private void scan(String text, Scratch s) {
        int n = text.length();
        int i = 0;
        int increment = 1;
        while (i < n) {
            int c = text.codePointAt(i);
            int kind = kind(c);
            if (kind != LETTER && kind != DIGIT && kind != CONNECTOR) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int length = 0;
            s.hash = 0;
            int last = kind;
            length = append(s, length, c);
            i += Character.charCount(c);
            while (i < n && length < MAX_WORD) {
                char ascii = text.charAt(i);
                if (ascii < 0x80 && ASCII_KINDS[ascii] != OTHER) {
                    // The usual case, a plain letter or digit: as the general case below does, without its conversions.
                    length = append(s, length, ascii);
                    last = ASCII_KINDS[ascii];
                    i++;
                    continue;
                }
                c = text.codePointAt(i);
                kind = kind(c);
                if (kind == LETTER || kind == DIGIT || kind == CONNECTOR) {
                    length = append(s, length, c);
                    last = kind;
                    i += Character.charCount(c);
                } else if (kind == EXTEND) {
                    length = append(s, length, c);
                    i += Character.charCount(c);
                } else {
                    int j = i + Character.charCount(c);
                    if (j >= n) {
                        break;
                    }
                    int next = text.codePointAt(j);
                    int nextKind = kind(next);
                    boolean joins = last == LETTER && nextKind == LETTER && joinsLetters(c)
                            || last == DIGIT && nextKind == DIGIT && joinsDigits(c);
                    if (!joins) {
                        break;
                    }
                    length = append(s, length, apostrophe(c) ? '\'' : c);
                    length = append(s, length, next);
                    last = nextKind;
                    i = j + Character.charCount(next);
                }
            }
            Word word = analysed(s, length);
            if (word == STOP) {
                increment++;
            } else {
                s.add(word, increment, start, i);
                increment = 1;
            }
        }
    }

    /** Appends the code point in lower case, as Lucene's lower-case filter does. */
    private static int append(Scratch s, int length, int c) {
        if (length + 2 > s.word.length) {
            s.word = Arrays.copyOf(s.word, s.word.length * 2);
        }
        if (c < 0x80) {
            // Most letters of a text: no need for the general case conversion.
            char lower = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            s.word[length] = lower;
            s.hash = 31 * s.hash + lower;
            return length + 1;
        }
        int end = length + Character.toChars(Character.toLowerCase(c), s.word, length);
        for (int i = length; i < end; i++) {
            s.hash = 31 * s.hash + s.word[i];
        }
        return end;
    }

    /**
     * A word as a key of the remembered analyses. The word being read is looked up in place, in the
     * scratch buffer (no string made for a word already seen); a remembered key holds its own copy.
     */
    private static final class WordKey {
        char[] chars;
        int length;
        int hash;

        WordKey set(char[] chars, int length, int h) {
            this.chars = chars;
            this.length = length;
            this.hash = h;
            return this;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof WordKey key) || key.hash != hash || key.length != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (chars[i] != key.chars[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The analysed form of the lower-case word in the scratch buffer, or STOP. */
    private Word analysed(Scratch s, int length) {
        Word known = remembered.get(s.key.set(s.word, length, s.hash));
        if (known != null) {
            return known;
        }
        String word = new String(s.word, 0, length);
        Word term = STOP;
        try (TokenStream stream = oneWord.tokenStream("word", word)) {
            CharTermAttribute attribute = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            if (stream.incrementToken()) {
                String analysed = attribute.toString();
                term = new Word(analysed, tag.apply(analysed), synonyms.get(analysed));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.put(new WordKey().set(word.toCharArray(), length, word.hashCode()), term);
        }
        return term;
    }

    /** The analysed form of one word (stop words give null): for tests. */
    String analysedWord(String word) {
        Scratch s = new Scratch();
        scan(word, s);
        return s.size == 0 ? null : s.words[0].term();
    }

    // ------------------------------------------------------------------ synonyms

    /**
     * Places the words and the synonyms' words as Lucene's synonym graph filter does when it keeps
     * the original words: at a synonym of n words meaning m words found at position p, the meaning
     * takes p, p+1 … p+m-1, the original words p, then p+m … p+m+n-2, and the next word comes
     * after p+m+n-1 (stop words skipped before and inside the synonym no longer count).
     */
    private void applySynonyms(Scratch s, Tokens out) {
        int position = -1;
        int i = 0;
        while (i < s.size) {
            Synonym found = synonyms.isEmpty() ? null : longest(s, i);
            if (found == null) {
                position += s.increments[i];
                out.add(s.words[i], Math.max(position, 0), s.starts[i], s.ends[i]);
                i++;
                continue;
            }
            int n = found.input().length;
            int m = found.output().length;
            int p = Math.max(position + 1, 0);
            int start = s.starts[i];
            int end = s.ends[i + n - 1];
            out.add(meanings.get(found.output()[0]), p, start, end);
            out.add(s.words[i], p, s.starts[i], s.ends[i]);
            for (int k = 1; k < m; k++) {
                out.add(meanings.get(found.output()[k]), p + k, start, end);
            }
            for (int k = 1; k < n; k++) {
                out.add(s.words[i + k], p + m - 1 + k, s.starts[i + k], s.ends[i + k]);
            }
            position = p + m + n - 2;
            i += n;
        }
    }

    private Synonym longest(Scratch s, int i) {
        Synonym[] candidates = s.words[i].synonyms();
        if (candidates == null) {
            return null;
        }
        for (Synonym candidate : candidates) {
            String[] input = candidate.input();
            if (i + input.length > s.size) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < input.length && all; k++) {
                all = input[k].equals(s.words[i + k].term());
            }
            if (all) {
                return candidate;
            }
        }
        return null;
    }
}
