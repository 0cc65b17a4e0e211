package fr.litiges.text;

import java.io.Reader;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The one analysis both the customer's text and the analysts' entries go through, so that a
 * concept word matches a customer's word exactly when their analysed forms are equal:
 * standard tokenizer, French elision (l', d', qu'...), lower case, ASCII folding, French and
 * English stop words (negations and contrasts kept: they carry meaning here), light French and
 * English stemming and, for the customer's text only, tolerance of one typo against the concept
 * vocabulary. The customer's text is not run through this chain word by word on every decision:
 * {@link CustomerWords} cuts it into words, remembers each word's analysis, and applies the analysts'
 * synonyms on the analysed words.
 *
 * <p>Thread-safe: Lucene keeps one token-stream chain per thread.
 */
final class WordsAnalyzer extends Analyzer {

    /** Words that are stop words in Lucene's lists but that negate or contrast: they must stay. */
    private static final Set<String> KEPT = Set.of(
            "pas", "ne", "ni", "non", "sans", "aucun", "aucune", "jamais", "rien", "plus", "encore", "toujours",
            "mais", "dans", "in", "du", "meme", "seul", "seule", "seulement", "que", "qu",
            "no", "not", "nor", "never", "none", "nothing", "without", "but", "yet", "still", "same", "again",
            "only", "twice", "once", "too", "more", "other", "another", "some", "all", "few");

    static final CharArraySet STOP_WORDS = stopWords();

    private static final NormalizeCharMap APOSTROPHES;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        // Customers type ’ ‘ ` or ʼ as often as '; one apostrophe keeps elision and "didn't" working.
        for (String quote : List.of("\u2019", "\u2018", "`", "\u02BC", "\u2032")) {
            map.add(quote, "'");
        }
        APOSTROPHES = map.build();
    }

    /*
     * The French stemmer takes "cassé" to "case", the English word: a broken product would then be
     * read in every "in this case". These forms keep a stem of their own.
     */
    private static final StemmerOverrideFilter.StemmerOverrideMap OVERRIDES;

    static {
        StemmerOverrideFilter.Builder overrides = new StemmerOverrideFilter.Builder(false);
        for (String form : List.of("cassé", "cassée", "cassés", "cassées", "casse", "casses", "casser", "cassent", "cassa")) {
            overrides.add(form, "cass");
        }
        try {
            OVERRIDES = overrides.build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final TypoTolerance wordTypos;
    private final TypoTolerance stemTypos;
    private final boolean surfaceOnly;
    private final boolean oneWord;

    /**
     * Any argument may be null: the analysts' entries themselves are analysed without typo tolerance.
     * A typo is looked for twice: on the word as written ("tresoreire" for "trésorerie", before the
     * stemmers cut a misspelt ending differently) and on the stem ("factrues" for "factures").
     */
    WordsAnalyzer(TypoTolerance wordTypos, TypoTolerance stemTypos) {
        this(wordTypos, stemTypos, false, false);
    }

    private WordsAnalyzer(TypoTolerance wordTypos, TypoTolerance stemTypos, boolean surfaceOnly, boolean oneWord) {
        this.oneWord = oneWord;
        this.wordTypos = wordTypos;
        this.stemTypos = stemTypos;
        this.surfaceOnly = surfaceOnly;
    }

    /** The words as written, lower case, without stop words: the vocabulary typos are compared with. */
    static WordsAnalyzer surface() {
        return new WordsAnalyzer(null, null, true, false);
    }

    /**
     * The same chain for one word already cut and put in lower case by {@link CustomerWords}, without
     * the synonyms (applied on the analysed words there).
     */
    static WordsAnalyzer oneWord(TypoTolerance wordTypos, TypoTolerance stemTypos) {
        return new WordsAnalyzer(wordTypos, stemTypos, false, true);
    }

    private static CharArraySet stopWords() {
        List<String> words = new java.util.ArrayList<>();
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
            words.add(new String((char[]) word));
        }
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            words.add(new String((char[]) word));
        }
        // Lucene's English list is short; these are as empty of meaning in a complaint.
        words.addAll(List.of("we", "our", "us", "you", "your", "i", "me", "my", "have", "has", "had", "been",
                "do", "does", "did", "am", "would", "could", "should", "can", "will", "from", "about", "dear",
                "please", "hello", "hi", "thanks", "thank", "bonjour", "merci", "svp"));
        CharArraySet stop = new CharArraySet(512, true);
        for (String word : words) {
            // Listed both as written and folded: the filter runs before accents are folded.
            for (String form : List.of(word, fold(word))) {
                if (!KEPT.contains(fold(form))) {
                    stop.add(form);
                }
            }
        }
        return CharArraySet.unmodifiableSet(stop);
    }

    static String fold(String word) {
        char[] out = new char[word.length() * 4];
        int n = ASCIIFoldingFilter.foldToASCII(word.toCharArray(), 0, out, 0, word.length());
        return new String(out, 0, n);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return oneWord ? reader : new MappingCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = oneWord ? new KeywordTokenizer() : new StandardTokenizer();
        TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        if (surfaceOnly) {
            return new TokenStreamComponents(tokenizer, stream);
        }
        if (wordTypos != null) {
            stream = new TypoFilter(stream, wordTypos, true);
        }
        // Stemming before folding, so that the few words the stemmers would confuse can be told apart.
        stream = new StemmerOverrideFilter(stream, OVERRIDES);
        stream = new KStemFilter(stream);
        stream = new FrenchLightStemFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stemTypos != null) {
            stream = new TypoFilter(stream, stemTypos, false);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
