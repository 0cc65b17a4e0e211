package fr.litiges.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysts' text tables compiled once per ruleset: concepts (word lists), synonyms and
 * patterns (concepts found together within a window of words, pointing to a sub-cause with a
 * weight). {@link #match} analyses one customer text and returns the patterns it contains.
 * Immutable and thread-safe.
 *
 * <p>Two concept codes have a meaning of their own: {@value #NEGATION} (a pattern marked
 * negation-sensitive does not count when one of its concepts follows a negation closely in the
 * same clause) and {@value #CONTRAST} ("mais", "but", "par contre": a new clause starts there,
 * so a negation before it does not reach the words after it). A clause followed by a contrast
 * that holds a {@value #POSITIVE} word no negation denies, or a negation of a {@value #PROBLEM}
 * word ("aucun souci sur la marchandise, par contre le tarif...", "the goods are fine, but...") is
 * conceded: no pattern counts in it. When the same words make patterns of two sub-causes, the one
 * of more concepts wins.
 */
public final class TextRules {
    public static final String NEGATION = "NEGATION";
    public static final String CONTRAST = "CONTRASTE";
    public static final String POSITIVE = "POSITIF";
    /** Words of a problem ("souci", "issue"): a negation conceding a clause is one that denies a problem. */
    public static final String PROBLEM = "PROBLEME";
    /**
     * Words that open a condition ("tant que", "until"): what follows, up to the end of the clause,
     * is a hypothesis, not a fact ("nous ne réglerons pas tant que le solde n'est pas livré"), and counts for no pattern.
     */
    public static final String CONDITION = "CONDITION";
    /**
     * Words beside which a number is not a quantity: a number right before or after one of them names a
     * thing ("facture 4402", "taille 42", "12 mm", "3 mai", "45 min"), and counts neither as {@value #ANY_NUMBER}
     * nor in a {@value #QUANTITY_GAP}.
     */
    public static final String NOT_A_QUANTITY = "NON_QUANTITE";
    /**
     * Words that make what follows them a point in time ("depuis la livraison partielle de mars, tout va bien"):
     * the next {@value #SINCE_REACH} words of the same clause, up to a comma, are background and count for no pattern.
     */
    public static final String SINCE = "DEPUIS";
    static final int SINCE_REACH = 2;
    /**
     * Written in a concept's words, stands for a quantity compared with another, different one in the same
     * sentence, at most {@value #GAP_REACH} words before it ("50 commandées, 30 reçues", "8 of the 10",
     * "38 colis au lieu de 40"); placed on the second number. Dates, times, amounts, percentages, years
     * and numbers beside a {@value #NOT_A_QUANTITY} word are not quantities; two equal numbers are no gap.
     */
    public static final String QUANTITY_GAP = "<écart>";
    static final int GAP_REACH = 8;
    private static final String GAP_TERM = "\u0000ecart";
    /**
     * The sub-cause of a context pattern: words that, found together, accuse nothing ("votre technicien est
     * passé pour la panne", "at short notice"). Its matches are not returned, but like any fuller reading they
     * set aside the shorter matches of the same words.
     */
    public static final String NO_CAUSE = "AUCUNE";
    /** Written in a concept's words, stands for any number written in digits ("4 palettes", "only 200 arrived"). */
    public static final String ANY_NUMBER = "<nombre>";
    /** The analysed term the concept entries of {@link #ANY_NUMBER} are filed under. */
    private static final String NUMBER_TERM = "\u0000nombre";
    /** A negation at most this close before a problem word concedes its clause even without a contrast after it. */
    static final int DENIAL_REACH = 3;
    /** How many words after a negation are under it. */
    static final int NEGATION_REACH = 4;
    static final int MAX_WINDOW = 40;
    private static final int MAX_QUOTE = 160;
    private static final int MAX_MATCHES_PER_PATTERN = 4;

    public static final TextRules EMPTY = builder(null).build().rules();

    /**
     * A concept row's word or phrase as analysed; {@code name} names the row in a match, up to the customer's words:
     * "FACTURE (CON-007, Concepts, row 7: «facture» as «", made once when the tables are compiled.
     */
    record Entry(int concept, String[] terms, int row, String id, String written, String name) {
    }

    /** A pattern row; {@code tableRow} is where it is, made once and shared by its matches. */
    record Pattern(String subCause, int[] concepts, int window, boolean negationSensitive, double weight, int row, String id, String text,
                   PatternMatch.TableRow tableRow) {
    }

    private final String source;
    private final String conceptsSheet;
    private final String patternsSheet;
    private final List<String> conceptCodes;
    private final List<Pattern> patterns;
    private final CustomerWords words;
    private final int negation;
    private final int contrast;
    private final int positive;
    private final int problem;
    private final int condition;
    private final int notAQuantity;
    private final int since;
    /** The concept entries of {@link #QUANTITY_GAP}, or an empty array. */
    private final Entry[] gaps;
    /** numberConcepts[c]: concept c lists {@value #ANY_NUMBER}. */
    private final boolean[] numberConcepts;

    private TextRules(String source, String conceptsSheet, String patternsSheet, List<String> conceptCodes,
                      List<Pattern> patterns, CustomerWords words, Entry[] gaps, Entry[] numbers) {
        this.source = source;
        this.conceptsSheet = conceptsSheet;
        this.patternsSheet = patternsSheet;
        this.conceptCodes = conceptCodes;
        this.patterns = patterns;
        this.words = words;
        this.negation = conceptCodes.indexOf(NEGATION);
        this.contrast = conceptCodes.indexOf(CONTRAST);
        this.positive = conceptCodes.indexOf(POSITIVE);
        this.problem = conceptCodes.indexOf(PROBLEM);
        this.condition = conceptCodes.indexOf(CONDITION);
        this.notAQuantity = conceptCodes.indexOf(NOT_A_QUANTITY);
        this.since = conceptCodes.indexOf(SINCE);
        this.gaps = gaps == null ? new Entry[0] : gaps;
        this.numberConcepts = new boolean[conceptCodes.size()];
        for (Entry entry : numbers == null ? new Entry[0] : numbers) {
            numberConcepts[entry.concept()] = true;
        }
    }

    public int conceptCount() {
        return conceptCodes.size();
    }

    public int patternCount() {
        return patterns.size();
    }

    /**
     * The customer's own words (quotes and signatures left out) as these tables' analysis reads them,
     * synonyms applied: what the second reader ({@link SecondReader}) learns from and reads.
     */
    CustomerWords.Tokens analysedOwnWords(String text) {
        return words.read(MessageParts.ownWords(text));
    }

    /** The concepts of the one-word entries an analysed word is (its {@code tag}), as their codes: for the second reader. */
    void conceptsOf(Object tag, java.util.function.Consumer<String> found) {
        if (tag instanceof Entry[] entries) {
            for (Entry entry : entries) {
                if (entry.terms().length == 1) {
                    found.accept(conceptCodes.get(entry.concept()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ matching

    /** One concept found: slots are distinct word positions, positions count stop words too. */
    private record Occurrence(int index, int concept, int firstSlot, int lastSlot, int firstPos, int lastPos, int start, int end, Entry entry) {
    }

    /** The patterns found in the customer's own words (quotes of earlier messages and signatures left out). */
    public List<PatternMatch> match(String text) {
        return patternsIn(analyse(text));
    }

    /**
     * The customer's own words analysed once (quotes of earlier messages and signatures left out), for
     * both the patterns ({@link #patternsIn(Analysed)}) and the second reader of the same tables.
     */
    public Analysed analyse(String text) {
        if (text == null || text.isBlank()) {
            return Analysed.NOTHING;
        }
        String own = MessageParts.ownWords(text);
        return new Analysed(this, text, own, words.read(own));
    }

    /** A text analysed by one ruleset's tables; read-only, used on the thread that analysed it. */
    public static final class Analysed {
        static final Analysed NOTHING = new Analysed(null, "", "", null);
        final TextRules by;
        final String text;
        final String own;
        final CustomerWords.Tokens tokens;

        private Analysed(TextRules by, String text, String own, CustomerWords.Tokens tokens) {
            this.by = by;
            this.text = text;
            this.own = own;
            this.tokens = tokens;
        }
    }

    /** The patterns found in words analysed by {@link #analyse}. */
    public List<PatternMatch> patternsIn(Analysed analysed) {
        if (analysed.tokens == null || patterns.isEmpty()) {
            return List.of();
        }
        if (analysed.by != this) {
            // analysed by other tables (another ruleset's): read again with these
            return patternsIn(analyse(analysed.text));
        }
        String own = analysed.own;
        CustomerWords.Tokens tokens = analysed.tokens;
        if (tokens.size == 0) {
            return List.of();
        }
        // Slots: tokens at the same position (a synonym beside the word) share a slot.
        int[] slotOfToken = new int[tokens.size];
        int[] slotFirstToken = new int[tokens.size + 1];
        int slots = 0;
        for (int i = 0; i < tokens.size; i++) {
            if (i == 0 || tokens.positions[i] != tokens.positions[i - 1]) {
                slotFirstToken[slots++] = i;
            }
            slotOfToken[i] = slots - 1;
        }
        slotFirstToken[slots] = tokens.size;

        List<Occurrence> occurrences = new ArrayList<>(tokens.size / 2 + 8);
        for (int i = 0; i < tokens.size; i++) {
            Entry[] candidates = (Entry[]) tokens.tags[i];
            if (candidates == null || repeatsInSlot(tokens, slotFirstToken[slotOfToken[i]], i)) {
                continue;
            }
            for (Entry entry : candidates) {
                int slot = slotOfToken[i];
                int last = slot;
                boolean all = true;
                for (int k = 1; k < entry.terms().length && all; k++) {
                    last = slot + k;
                    all = last < slots && slotHas(tokens, slotFirstToken, last, entry.terms()[k]);
                }
                if (all) {
                    int lastToken = slotFirstToken[last];
                    occurrences.add(new Occurrence(occurrences.size(), entry.concept(), slot, last, tokens.positions[i], tokens.positions[lastToken],
                            tokens.starts[i], maxEnd(tokens, slotFirstToken, last), entry));
                }
            }
        }
        if (occurrences.isEmpty()) {
            return List.of();
        }
        int[] sentenceOfSlot = new int[slots];
        int[] clauseOfSlot = clauses(own, tokens, slotFirstToken, slots, occurrences, sentenceOfSlot);
        occurrences = quantitiesAndBackground(own, tokens, slotFirstToken, occurrences, clauseOfSlot, sentenceOfSlot);
        occurrences = inOneSentence(occurrences, sentenceOfSlot);
        List<List<Occurrence>> byConcept = new ArrayList<>(conceptCodes.size());
        // Each concept's list made at its size: a grievance repeated in a long text gives many occurrences of a concept.
        int[] perConcept = new int[conceptCodes.size()];
        for (Occurrence o : occurrences) {
            perConcept[o.concept()]++;
        }
        for (int c = 0; c < conceptCodes.size(); c++) {
            byConcept.add(perConcept[c] == 0 ? null : new ArrayList<>(perConcept[c]));
        }
        for (Occurrence o : occurrences) {
            byConcept.get(o.concept()).add(o);
        }
        List<Occurrence> negations = negation < 0 || byConcept.get(negation) == null ? List.of() : byConcept.get(negation);
        boolean[] conceded = conceded(occurrences, negations, byConcept, clauseOfSlot);
        // The phrases of more than one word: a negation inside one of them belongs to it ("reparti sans", "rien réparé").
        List<Occurrence> phrases = new ArrayList<>();
        for (Occurrence o : occurrences) {
            if (o.lastSlot() > o.firstSlot() && o.concept() != negation) {
                phrases.add(o);
            }
        }

        // The matches' evidence text is built only for those kept, after the fuller readings and the context patterns are set aside.
        List<Pattern> found = new ArrayList<>();
        List<Occurrence[]> foundWith = new ArrayList<>();
        Occurrence[] chosen = new Occurrence[3];
        Occurrence[] best = new Occurrence[3];
        // The occurrences a pattern's earlier matches took; one array for all patterns, cleared when marked.
        boolean[] used = new boolean[occurrences.size()];
        boolean marked = false;
        for (Pattern pattern : patterns) {
            boolean present = true;
            for (int concept : pattern.concepts()) {
                present &= byConcept.get(concept) != null;
            }
            if (!present) {
                continue;
            }
            if (marked) {
                Arrays.fill(used, false);
                marked = false;
            }
            // Every separate place the pattern is found is one more cue, as when a customer names two faults.
            for (int round = 0; round < MAX_MATCHES_PER_PATTERN; round++) {
                int bestSpan = search(pattern, 0, byConcept, negations, clauseOfSlot, sentenceOfSlot, conceded, used, chosen, best,
                        Integer.MAX_VALUE, phrases);
                if (bestSpan == Integer.MAX_VALUE) {
                    break;
                }
                Occurrence[] match = Arrays.copyOf(best, pattern.concepts().length);
                found.add(pattern);
                foundWith.add(match);
                for (Occurrence o : match) {
                    used[o.index()] = true;
                }
                marked = true;
            }
        }
        boolean[] covered = covered(found, foundWith);
        List<PatternMatch> kept = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            if (!covered[i] && !found.get(i).subCause().equals(NO_CAUSE)) {
                kept.add(toMatch(analysed.text, found.get(i), foundWith.get(i)));
            }
        }
        return kept;
    }

    /**
     * Reads the numbers and the background, before any pattern: a number that is not a quantity (a date, a
     * time, an amount, a year, a reference: see {@link #notAQuantity}) is no {@value #ANY_NUMBER}; a quantity
     * that differs from another quantity shortly before it in the sentence gives a {@value #QUANTITY_GAP}; and
     * the words right after a {@value #SINCE} word are a point in time, not a grievance. Returns the
     * occurrences as they count, numbered again, each concept's in the text's order.
     */
    private List<Occurrence> quantitiesAndBackground(String own, CustomerWords.Tokens tokens, int[] slotFirstToken,
                                                     List<Occurrence> occurrences, int[] clauseOfSlot, int[] sentenceOfSlot) {
        boolean numbers = false;
        boolean background = false;
        for (Occurrence o : occurrences) {
            numbers |= numberConcept(o);
            background |= o.concept() == since && since >= 0;
        }
        if (!numbers && !background) {
            return occurrences;
        }
        int slots = clauseOfSlot.length;
        boolean[] beside = new boolean[slots];
        boolean[] past = new boolean[slots];
        boolean[] inPhrase = new boolean[slots];
        for (Occurrence o : occurrences) {
            if (o.lastSlot() > o.firstSlot() && !numberConcept(o)) {
                // "deux fois", "2 fois": a number inside another concept's phrase counts nothing
                for (int s = o.firstSlot(); s <= o.lastSlot(); s++) {
                    inPhrase[s] = true;
                }
            }
            if (o.concept() == notAQuantity && notAQuantity >= 0) {
                for (int s = o.firstSlot(); s <= o.lastSlot(); s++) {
                    beside[s] = true;
                }
            } else if (o.concept() == since && since >= 0) {
                int end = o.end();
                for (int s = o.lastSlot() + 1; s <= o.lastSlot() + SINCE_REACH && s < slots; s++) {
                    int start = tokens.starts[slotFirstToken[s]];
                    if (clauseOfSlot[s] != clauseOfSlot[o.lastSlot()] || own.indexOf(',', end) >= 0 && own.indexOf(',', end) < start) {
                        break;
                    }
                    past[s] = true;
                }
            }
        }
        // The quantities, in the text's order: slot, position, value (digits only, "1 000" read as one number).
        // Marks by occurrence number (an occurrence's index is its place in the list here), not hashed records.
        int count = occurrences.size();
        List<Occurrence> quantities = new ArrayList<>();
        List<String> values = new ArrayList<>();
        boolean[] dropped = new boolean[count];
        Occurrence[] merged = null;
        for (Occurrence o : occurrences) {
            if (!numberConcept(o) || dropped[o.index()]) {
                continue;
            }
            Occurrence thousands = isNumber(o) ? thousandsAfter(own, o, occurrences) : null;
            if (thousands != null) {
                dropped[thousands.index()] = true;
            }
            if (past[o.firstSlot()] || inPhrase[o.firstSlot()] || notAQuantity(own, o, beside, clauseOfSlot) || thousands != null && notAQuantity(own, thousands, beside, clauseOfSlot)) {
                dropped[o.index()] = true;
                continue;
            }
            String value = isNumber(o) ? digits(own.substring(o.start(), o.end()))
                    : NUMBER_WORDS.get(own.substring(o.start(), o.end()).toLowerCase(Locale.ROOT));
            if (value == null) {
                continue; // a number in words of no known value is kept, but not compared
            }
            if (thousands != null) {
                value = value + own.substring(thousands.start(), thousands.end());
                // "1 000" is one number, written over two words.
                Occurrence whole = new Occurrence(o.index(), o.concept(), o.firstSlot(), thousands.lastSlot(), o.firstPos(), thousands.lastPos(),
                        o.start(), thousands.end(), o.entry());
                if (merged == null) {
                    merged = new Occurrence[count];
                }
                merged[o.index()] = whole;
                o = whole;
            }
            quantities.add(o);
            values.add(value);
        }
        // gapAt[i]: occurrence i (as merged) is a quantity that differs from one shortly before it.
        boolean[] gapAt = new boolean[count];
        int gapCount = 0;
        for (int j = 1; j < quantities.size() && gaps.length > 0; j++) {
            Occurrence later = quantities.get(j);
            for (int i = j - 1; i >= 0; i--) {
                Occurrence earlier = quantities.get(i);
                if (later.firstPos() - earlier.lastPos() > GAP_REACH
                        || sentenceOfSlot[earlier.firstSlot()] != sentenceOfSlot[later.firstSlot()]) {
                    break;
                }
                if (!values.get(i).equals(values.get(j))) {
                    gapCount += gapAt[later.index()] ? 0 : 1;
                    gapAt[later.index()] = true;
                    break;
                }
            }
        }
        List<Occurrence> kept = new ArrayList<>(count + gapCount);
        for (Occurrence o : occurrences) {
            boolean structural = o.concept() == negation || o.concept() == contrast || o.concept() == condition || o.concept() == since;
            if (dropped[o.index()] || past[o.firstSlot()] && !structural) {
                continue;
            }
            if (merged != null && merged[o.index()] != null) {
                o = merged[o.index()];
            }
            // numbered again; an occurrence already at its number is kept as it is (the same record)
            kept.add(o.index() == kept.size() ? o
                    : new Occurrence(kept.size(), o.concept(), o.firstSlot(), o.lastSlot(), o.firstPos(), o.lastPos(), o.start(), o.end(), o.entry()));
            if (gapAt[o.index()]) {
                for (Entry gap : gaps) {
                    kept.add(new Occurrence(kept.size(), gap.concept(), o.firstSlot(), o.lastSlot(), o.firstPos(), o.lastPos(), o.start(), o.end(), gap));
                }
            }
        }
        return kept;
    }

    /** An occurrence of a concept that lists {@value #ANY_NUMBER} (the number itself, or a number in words). */
    private boolean numberConcept(Occurrence o) {
        return o.concept() < numberConcepts.length && numberConcepts[o.concept()];
    }

    private static boolean isNumber(Occurrence o) {
        return o.entry().terms()[0].equals(NUMBER_TERM);
    }

    /** The values of numbers written in words, to compare them ("two of the six cartons"). */
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("deux", "2"), Map.entry("trois", "3"), Map.entry("quatre", "4"), Map.entry("cinq", "5"), Map.entry("six", "6"),
            Map.entry("sept", "7"), Map.entry("huit", "8"), Map.entry("neuf", "9"), Map.entry("dix", "10"), Map.entry("douze", "12"),
            Map.entry("vingt", "20"), Map.entry("cent", "100"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"),
            Map.entry("twelve", "12"), Map.entry("twenty", "20"), Map.entry("hundred", "100"));

    /** French day words: "le 15", "du 3 au 5" name days of the month. */
    private static final Set<String> DAY_WORDS = Set.of("le", "du", "au");

    /**
     * True when the number names something rather than counting it: a number of four digits or more written
     * without separators (a year, a reference), a date or time
     * ("12/05", "14:30", "le 15"), an amount or a share ("72 €", "£95", "12 %"), a reference ("n° 3317",
     * "PO-7788", "#12"), or a number beside a {@value #NOT_A_QUANTITY} word ("facture 4402", "12 mm", "3 mai").
     */
    private static boolean notAQuantity(String own, Occurrence o, boolean[] beside, int[] clauseOfSlot) {
        int slot = o.firstSlot();
        int next = o.lastSlot() + 1;
        boolean besideWord = slot > 0 && beside[slot - 1] && clauseOfSlot[slot - 1] == clauseOfSlot[slot]
                || next < beside.length && beside[next] && clauseOfSlot[next] == clauseOfSlot[o.lastSlot()];
        if (!isNumber(o)) {
            return besideWord; // "huit jours", "two weeks": a number in words
        }
        String text = own.substring(o.start(), o.end());
        if (text.length() >= 4 && allDigits(text)) {
            return true; // a year, an invoice or order number: quantities of thousands are written "1 000", "1,000"
        }
        int n = own.length();
        char before = o.start() > 0 ? own.charAt(o.start() - 1) : ' ';
        if ("/#°-–:.£$€".indexOf(before) >= 0) {
            return true;
        }
        int b = o.start() - 1;
        while (b >= 0 && isSpace(own.charAt(b))) {
            b--;
        }
        if (b >= 0 && "#°£$€".indexOf(own.charAt(b)) >= 0) {
            return true;
        }
        char after = o.end() < n ? own.charAt(o.end()) : ' ';
        if (after == '/' || after == ':' || (after == '-' || after == '–') && o.end() + 1 < n && Character.isDigit(own.charAt(o.end() + 1))) {
            return true;
        }
        int a = o.end();
        while (a < n && isSpace(own.charAt(a))) {
            a++;
        }
        if (a < n && "%€$£°".indexOf(own.charAt(a)) >= 0) {
            return true;
        }
        int wordEnd = b + 1;
        int wordStart = wordEnd;
        while (wordStart > 0 && Character.isLetter(own.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (wordEnd > wordStart && wordEnd < o.start() && DAY_WORDS.contains(own.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return besideWord;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\t';
    }

    /** The number of three digits written right after {@code o} with one space between ("1 000"), or null. */
    private static Occurrence thousandsAfter(String own, Occurrence o, List<Occurrence> occurrences) {
        int next = o.end() + 1;
        if (next + 3 > own.length() || !isSpace(own.charAt(o.end())) || o.end() - o.start() > 3) {
            return null;
        }
        for (Occurrence candidate : occurrences) {
            if (candidate.start() == next && candidate.end() == next + 3 && isNumber(candidate) && allDigits(own.substring(next, next + 3))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** The digits of a number as written, separators left out, leading zeros too. */
    private static String digits(String number) {
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isDigit(c) && (out.length() > 0 || c != '0')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The occurrences whose words are all in one sentence: a phrase of the tables does not run over
     * a full stop ("identical lines. Please credit" is not a "line of credit").
     */
    private static List<Occurrence> inOneSentence(List<Occurrence> occurrences, int[] sentenceOfSlot) {
        boolean all = true;
        for (Occurrence o : occurrences) {
            all &= sentenceOfSlot[o.firstSlot()] == sentenceOfSlot[o.lastSlot()];
        }
        if (all) {
            return occurrences;
        }
        List<Occurrence> kept = new ArrayList<>(occurrences.size());
        for (Occurrence o : occurrences) {
            if (sentenceOfSlot[o.firstSlot()] == sentenceOfSlot[o.lastSlot()]) {
                kept.add(new Occurrence(kept.size(), o.concept(), o.firstSlot(), o.lastSlot(), o.firstPos(), o.lastPos(), o.start(), o.end(),
                        o.entry()));
            }
        }
        return kept;
    }

    /**
     * covered[i]: match i is dropped because its every word also counts, as the same words or inside a phrase,
     * in a match of more concepts for another sub-cause, or of as many concepts and a greater weight: the customer's words say one thing, and the fuller reading wins
     * ("the discount we negotiated is missing" is a price, not missing goods; "work not done" is work
     * not performed, not a product that does not work).
     */
    private static boolean[] covered(List<Pattern> found, List<Occurrence[]> foundWith) {
        boolean[] covered = new boolean[found.size()];
        for (int i = 0; i < found.size(); i++) {
            for (int j = 0; j < found.size() && !covered[i]; j++) {
                int fuller = Integer.compare(foundWith.get(j).length, foundWith.get(i).length);
                covered[i] = j != i && !found.get(j).subCause().equals(found.get(i).subCause())
                        && (fuller > 0 || fuller == 0 && found.get(j).weight() > found.get(i).weight())
                        && sameWords(foundWith.get(i), foundWith.get(j));
            }
        }
        return covered;
    }

    /**
     * True when every occurrence of {@code part} is on words of an occurrence of {@code whole}: the same words,
     * or words inside a phrase of it ("rien" inside "rien réparé", "didn't" inside "didn't fix").
     */
    private static boolean sameWords(Occurrence[] part, Occurrence[] whole) {
        for (Occurrence p : part) {
            boolean same = false;
            for (Occurrence w : whole) {
                same |= w.start() <= p.start() && p.end() <= w.end();
            }
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** True when an earlier word of the same slot is the same (a synonym's meaning beside an equal word): one place, one occurrence. */
    private static boolean repeatsInSlot(CustomerWords.Tokens tokens, int firstOfSlot, int i) {
        for (int t = firstOfSlot; t < i; t++) {
            if (tokens.terms[t].equals(tokens.terms[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean slotHas(CustomerWords.Tokens tokens, int[] slotFirstToken, int slot, String term) {
        for (int t = slotFirstToken[slot]; t < slotFirstToken[slot + 1]; t++) {
            if (tokens.terms[t].equals(term)) {
                return true;
            }
        }
        return false;
    }

    private static int maxEnd(CustomerWords.Tokens tokens, int[] slotFirstToken, int slot) {
        int end = 0;
        for (int t = slotFirstToken[slot]; t < slotFirstToken[slot + 1]; t++) {
            end = Math.max(end, tokens.ends[t]);
        }
        return end;
    }

    /**
     * Clause number of each slot: a new clause starts after . ! ? ; : or a line break, and at a
     * contrast word. A negation reaches only the words of its own clause.
     */
    private int[] clauses(String own, CustomerWords.Tokens tokens, int[] slotFirstToken, int slots, List<Occurrence> occurrences, int[] sentence) {
        boolean[] contrastAt = new boolean[slots];
        if (contrast >= 0) {
            for (Occurrence o : occurrences) {
                if (o.concept() == contrast || o.concept() == condition && condition >= 0) {
                    contrastAt[o.firstSlot()] = true;
                }
            }
        }
        int[] clause = new int[slots];
        int current = 0;
        int currentSentence = 0;
        int previousEnd = 0;
        for (int s = 0; s < slots; s++) {
            int t = slotFirstToken[s];
            int start = tokens.starts[t];
            int gap = s == 0 ? 0 : breakBetween(own, previousEnd, start);
            if (s > 0 && (contrastAt[s] || gap > 0)) {
                current++;
            }
            if (gap > 1) {
                currentSentence++;
            }
            clause[s] = current;
            sentence[s] = currentSentence;
            previousEnd = Math.max(previousEnd, tokens.ends[t]);
        }
        return clause;
    }

    /** 2 when a sentence ends between the two offsets (. ! ? ; or a line break), 1 for a colon, else 0. */
    private static int breakBetween(String own, int from, int to) {
        int found = 0;
        for (int i = from; i < to && i < own.length(); i++) {
            char c = own.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
                return 2;
            }
            if (c == ':') {
                found = 1;
            }
        }
        return found;
    }

    /**
     * conceded[clause]: the clause is followed by a contrast and grants something, so what it names
     * is what the customer does not complain about. A clause grants with a positive word that no
     * negation denies ("la marchandise est parfaite, mais…", not "pas satisfaits de…, mais…"), or with
     * a negation of a problem word ("aucun souci sur…, par contre…"); without a {@value #PROBLEM}
     * concept in the tables, with any negation. "Rien reçu, mais la facture est arrivée" grants nothing.
     * Two more clauses are set aside without a contrast: one opened by a {@value #CONDITION} word (a
     * hypothesis), and one where a negation comes right before a problem word ("not a pricing issue",
     * "no dispute about the goods"), within {@value #DENIAL_REACH} words.
     */
    private boolean[] conceded(List<Occurrence> occurrences, List<Occurrence> negations, List<List<Occurrence>> byConcept,
                               int[] clauseOfSlot) {
        int clauses = clauseOfSlot[clauseOfSlot.length - 1] + 1;
        boolean[] conceded = new boolean[clauses];
        List<Occurrence> problems = problem < 0 || byConcept.get(problem) == null ? List.of() : byConcept.get(problem);
        boolean[] startsWithContrast = new boolean[clauses + 1];
        boolean[] grants = new boolean[clauses];
        for (Occurrence o : occurrences) {
            int clause = clauseOfSlot[o.firstSlot()];
            boolean opens = o.firstSlot() == 0 || clauseOfSlot[o.firstSlot() - 1] != clause;
            if (o.concept() == condition && condition >= 0 && opens) {
                // A condition states no fact: nothing in its clause counts.
                conceded[clause] = true;
            } else if (o.concept() == contrast && contrast >= 0 && opens) {
                startsWithContrast[clause] = true;
            } else if (o.concept() == positive && positive >= 0) {
                grants[clause] |= !follows(negations, o, clauseOfSlot);
            } else if (o.concept() == negation && negation >= 0) {
                grants[clause] |= problem < 0 || followedBy(o, problems, clauseOfSlot, NEGATION_REACH);
                // "This is not a pricing issue, the price is what we agreed", "no dispute about the goods":
                // a problem denied outright sets the whole clause aside, contrast or not.
                conceded[clause] |= problem >= 0 && followedBy(o, problems, clauseOfSlot, DENIAL_REACH);
            }
        }
        for (int c = 0; c < clauses; c++) {
            conceded[c] |= contrast >= 0 && grants[c] && startsWithContrast[c + 1];
        }
        return conceded;
    }

    /** True when one of {@code earlier} comes before {@code o} by at most NEGATION_REACH words in its clause. */
    private static boolean follows(List<Occurrence> earlier, Occurrence o, int[] clauseOfSlot) {
        for (Occurrence e : earlier) {
            if (e.lastPos() < o.firstPos() && o.firstPos() - e.lastPos() <= NEGATION_REACH
                    && clauseOfSlot[e.lastSlot()] == clauseOfSlot[o.firstSlot()]) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedBy(Occurrence o, List<Occurrence> later, int[] clauseOfSlot, int reach) {
        for (Occurrence l : later) {
            if (o.lastPos() < l.firstPos() && l.firstPos() - o.lastPos() <= reach
                    && clauseOfSlot[o.lastSlot()] == clauseOfSlot[l.firstSlot()]) {
                return true;
            }
        }
        return false;
    }

    /** Depth-first search of the tightest set of occurrences, one per concept of the pattern; returns its span. */
    private int search(Pattern pattern, int k, List<List<Occurrence>> byConcept, List<Occurrence> negations, int[] clauseOfSlot,
                       int[] sentenceOfSlot, boolean[] conceded, boolean[] used, Occurrence[] chosen, Occurrence[] best,
                       int bestSpan, List<Occurrence> phrases) {
        int n = pattern.concepts().length;
        if (k == n) {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            int inner = 0;
            for (int i = 0; i < n; i++) {
                first = Math.min(first, chosen[i].firstPos());
                last = Math.max(last, chosen[i].lastPos());
                inner += chosen[i].lastPos() - chosen[i].firstPos();
            }
            // A phrase of a concept counts as one word of the window.
            int span = last - first + 1 - inner;
            if (span > pattern.window() || span >= bestSpan) {
                return bestSpan;
            }
            if (pattern.negationSensitive() && negated(pattern, chosen, n, negations, clauseOfSlot)) {
                return bestSpan;
            }
            if (negation >= 0 && swallowedNegation(chosen, n, phrases)) {
                return bestSpan;
            }
            System.arraycopy(chosen, 0, best, 0, n);
            return span;
        }
        int lastStart = lastStartInWindow(chosen, k, pattern.window());
        for (Occurrence o : byConcept.get(pattern.concepts()[k])) {
            if (o.firstPos() > lastStart) {
                break; // a concept's occurrences come in the text's order: the later ones are further still
            }
            // All the concepts of a pattern must be in one sentence.
            if (conceded[clauseOfSlot[o.firstSlot()]] || used[o.index()]
                    || k > 0 && sentenceOfSlot[o.firstSlot()] != sentenceOfSlot[chosen[0].firstSlot()]
                    || overlapsChosen(o, chosen, k) || !withinWindow(o, chosen, k, pattern.window())) {
                continue;
            }
            chosen[k] = o;
            bestSpan = search(pattern, k + 1, byConcept, negations, clauseOfSlot, sentenceOfSlot, conceded, used, chosen, best, bestSpan, phrases);
        }
        return bestSpan;
    }

    /**
     * True when a negation chosen as a concept of the pattern is a word of a phrase of another concept that holds
     * no other chosen word: that phrase carries its own negation ("reparti sans", "rien réparé", "didn't fix"), and
     * the negation says nothing more ("technicien venu, reparti sans rien réparer" is not a visit that never
     * happened). A phrase that also holds another chosen word keeps it ("ne correspond pas à la commande").
     */
    private boolean swallowedNegation(Occurrence[] chosen, int n, List<Occurrence> phrases) {
        for (int i = 0; i < n; i++) {
            Occurrence neg = chosen[i];
            if (neg.concept() != negation) {
                continue;
            }
            for (Occurrence phrase : phrases) {
                if (phrase.firstSlot() <= neg.firstSlot() && neg.lastSlot() <= phrase.lastSlot() && !holdsAnotherChosen(phrase, chosen, n, neg)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsAnotherChosen(Occurrence phrase, Occurrence[] chosen, int n, Occurrence except) {
        for (int i = 0; i < n; i++) {
            Occurrence o = chosen[i];
            if (o != except && (o == phrase || phrase.firstSlot() <= o.firstSlot() && o.lastSlot() <= phrase.lastSlot())) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsChosen(Occurrence o, Occurrence[] chosen, int k) {
        for (int i = 0; i < k; i++) {
            if (o.firstSlot() <= chosen[i].lastSlot() && chosen[i].firstSlot() <= o.lastSlot()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last position an occurrence may start at to fit in the window with every chosen one: one
     * starting later is {@code firstPos - lastPos + 1 > window} words from a chosen occurrence, which
     * {@link #withinWindow} rejects.
     */
    private static int lastStartInWindow(Occurrence[] chosen, int k, int window) {
        int last = Integer.MAX_VALUE;
        for (int i = 0; i < k; i++) {
            last = Math.min(last, chosen[i].lastPos() + window - 1);
        }
        return last;
    }

    private static boolean withinWindow(Occurrence o, Occurrence[] chosen, int k, int window) {
        for (int i = 0; i < k; i++) {
            int span = Math.max(o.lastPos(), chosen[i].lastPos()) - Math.min(o.firstPos(), chosen[i].firstPos()) + 1
                    - (o.lastPos() - o.firstPos()) - (chosen[i].lastPos() - chosen[i].firstPos());
            if (span > window) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when a concept of the match follows a negation of its own clause by at most
     * NEGATION_REACH words. A negation that is a word of one of the match's own phrases ("pas
     * celle commandée", "pas satisfaits") does not count, nor, before a phrase that holds its own
     * negation, the first half of "ne … pas" ("nous ne sommes pas satisfaits").
     */
    private boolean negated(Pattern pattern, Occurrence[] chosen, int n, List<Occurrence> negations, int[] clauseOfSlot) {
        for (int i = 0; i < n; i++) {
            Occurrence o = chosen[i];
            if (o.concept() == negation || o.concept() == contrast) {
                continue;
            }
            boolean ownNegation = startsWithNegation(o, negations);
            for (Occurrence neg : negations) {
                if (isChosen(neg, chosen, n) || insideChosen(neg, chosen, n)) {
                    continue;
                }
                if (neg.lastPos() < o.firstPos() && o.firstPos() - neg.lastPos() <= NEGATION_REACH
                        && clauseOfSlot[neg.lastSlot()] == clauseOfSlot[o.firstSlot()] && !ownNegation) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithNegation(Occurrence o, List<Occurrence> negations) {
        for (Occurrence neg : negations) {
            if (neg.firstSlot() == o.firstSlot() && o.lastSlot() > neg.lastSlot()) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideChosen(Occurrence neg, Occurrence[] chosen, int n) {
        for (int i = 0; i < n; i++) {
            if (chosen[i].concept() != neg.concept() && chosen[i].firstSlot() <= neg.firstSlot() && neg.lastSlot() <= chosen[i].lastSlot()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isChosen(Occurrence o, Occurrence[] chosen, int n) {
        for (int i = 0; i < n; i++) {
            if (chosen[i] == o) {
                return true;
            }
        }
        return false;
    }

    private PatternMatch toMatch(String text, Pattern pattern, Occurrence[] occurrences) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        String[] concepts = new String[occurrences.length];
        for (int i = 0; i < occurrences.length; i++) {
            Occurrence o = occurrences[i];
            start = Math.min(start, o.start());
            end = Math.max(end, o.end());
            concepts[i] = o.entry().name() + text.substring(o.start(), o.end()) + "»)";
        }
        String quote = oneLine(text, start, Math.min(end, start + MAX_QUOTE));
        return new PatternMatch(pattern.subCause(), pattern.weight(), quote, start, end,
                pattern.tableRow(), pattern.text(), List.of(concepts));
    }

    /** The text between the offsets with each run of white space as one space, trimmed. */
    static String oneLine(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        // Copied a second time only when stripping changes it (a quote cut in white space at its length).
        if (space) {
            out.append(' ');
        }
        int length = out.length();
        return length == 0 || !Character.isWhitespace(out.charAt(length - 1)) && !Character.isWhitespace(out.charAt(0))
                ? out.toString() : out.toString().strip();
    }

    /** The customer's words as the matcher sees them, "term@position" (for tests and for explaining a match). */
    List<String> analysedWords(String text) {
        CustomerWords.Tokens tokens = words.read(MessageParts.ownWords(text));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size; i++) {
            out.add(tokens.terms[i] + "@" + tokens.positions[i]);
        }
        return out;
    }

    /** The analysed words of a phrase as the tables see them (no synonyms, no typo tolerance). */
    static List<String> terms(Analyzer analyzer, String phrase) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("entry", phrase)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    // ------------------------------------------------------------------ building

    /** The compiled tables and the mistakes found in them (rules are usable only when there are none). */
    public record Reading(TextRules rules, List<TextTableProblem> problems) {
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** Collects rows as read from the analysts' sheets, then compiles them. */
    public static final class Builder {
        private final String source;
        private String conceptsSheet = "Concepts";
        private String synonymsSheet = "Synonymes";
        private String patternsSheet = "Motifs de texte";
        private final Map<String, List<String[]>> conceptRows = new LinkedHashMap<>();
        private final Map<String, Integer> conceptFirstRow = new HashMap<>();
        private final List<Object[]> synonymRows = new ArrayList<>();
        private final List<Object[]> patternRows = new ArrayList<>();
        private final List<TextTableProblem> problems = new ArrayList<>();
        private final WordsAnalyzer plain = new WordsAnalyzer(null, null);
        private final WordsAnalyzer surface = WordsAnalyzer.surface();
        /** Entry words as written (lower case), keyed by their form without accents. */
        private final Map<String, String> writtenWords = new HashMap<>();

        private Builder(String source) {
            this.source = source;
        }

        public Builder sheets(String concepts, String synonyms, String patterns) {
            this.conceptsSheet = concepts;
            this.synonymsSheet = synonyms;
            this.patternsSheet = patterns;
            return this;
        }

        /** A concept row: its code and its words or phrases. */
        public Builder concept(int row, String code, List<String> words) {
            return concept(row, null, code, words);
        }

        /** A concept row with its ID (the sheet's ID column), which names it in the trace. */
        public Builder concept(int row, String id, String code, List<String> words) {
            String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                problems.add(new TextTableProblem(conceptsSheet, row, "le code du concept est vide ; écrivez un code en colonne A (par exemple CASSE)",
                        "the concept code is empty"));
                return this;
            }
            if (words.isEmpty()) {
                problems.add(new TextTableProblem(conceptsSheet, row, "le concept " + c + " ne donne aucun mot ni expression ; écrivez-en au moins un",
                        "concept " + c + " lists no word or phrase"));
                return this;
            }
            conceptFirstRow.putIfAbsent(c, row);
            List<String[]> list = conceptRows.computeIfAbsent(c, k -> new ArrayList<>());
            for (String word : words) {
                list.add(new String[] {String.valueOf(row), word, id});
            }
            return this;
        }

        /** A synonym row: the customer's words, and what they mean (a word or phrase of the concepts). */
        public Builder synonym(int row, List<String> customerWords, String means) {
            return synonym(row, null, customerWords, means);
        }

        /** A synonym row with its ID. */
        public Builder synonym(int row, String id, List<String> customerWords, String means) {
            if (customerWords.isEmpty() || means == null || means.isBlank()) {
                problems.add(new TextTableProblem(synonymsSheet, row,
                        "un synonyme demande les mots du client et ce qu'ils veulent dire ; remplissez les deux colonnes",
                        "a synonym needs the customer's words and what they mean"));
                return this;
            }
            synonymRows.add(new Object[] {row, customerWords, means});
            return this;
        }

        /** A pattern row: 1 to 3 concepts within a window of words point to a sub-cause with a weight. */
        public Builder pattern(int row, String subCause, List<String> concepts, int window, boolean negationSensitive, double weight) {
            return pattern(row, null, subCause, concepts, window, negationSensitive, weight);
        }

        /** A pattern row with its ID, which names it in the trace ({@code ruleId}). */
        public Builder pattern(int row, String id, String subCause, List<String> concepts, int window, boolean negationSensitive,
                               double weight) {
            patternRows.add(new Object[] {row, subCause, concepts, window, negationSensitive, weight, id});
            return this;
        }

        public Builder problem(String sheet, Integer row, String french, String english) {
            problems.add(new TextTableProblem(sheet, row, french, english));
            return this;
        }

        public Reading build() {
            List<String> codes = new ArrayList<>(conceptRows.keySet());
            Map<String, List<Entry>> byFirst = new HashMap<>();
            Set<String> vocabulary = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < codes.size(); c++) {
                for (String[] rowAndWord : conceptRows.get(codes.get(c))) {
                    int row = Integer.parseInt(rowAndWord[0]);
                    String written = rowAndWord[1];
                    boolean gap = written.strip().equalsIgnoreCase(QUANTITY_GAP);
                    boolean anyNumber = gap || written.strip().equalsIgnoreCase(ANY_NUMBER);
                    List<String> terms = gap ? List.of(GAP_TERM) : anyNumber ? List.of(NUMBER_TERM) : terms(plain, written);
                    if (terms.isEmpty()) {
                        problems.add(new TextTableProblem(conceptsSheet, row, "« " + written + " » du concept " + codes.get(c)
                                + " n'a que des mots que l'analyse ignore (articles, pronoms…) : écrivez un mot qui porte le sens",
                                "«" + written + "» of concept " + codes.get(c)
                                + " has only words the analysis ignores (articles, pronouns...): write a word that carries meaning"));
                        continue;
                    }
                    if (!anyNumber) {
                        for (String word : terms(surface, written)) {
                            writtenWords.putIfAbsent(WordsAnalyzer.fold(word), word);
                        }
                        vocabulary.addAll(terms);
                    }
                    if (!seen.add(c + "\u0000" + String.join(" ", terms))) {
                        continue; // "facture" and "facturé" read alike: one entry is enough
                    }
                    byFirst.computeIfAbsent(terms.get(0), k -> new ArrayList<>())
                            .add(new Entry(c, terms.toArray(String[]::new), row, rowAndWord[2], written, codes.get(c) + " ("
                                    + (rowAndWord[2] == null ? "" : rowAndWord[2] + ", ") + conceptsSheet + ", row " + row + ": «" + written + "» as «"));
                }
            }
            Map<String, CustomerWords.Synonym[]> synonyms = synonyms(vocabulary);
            List<Pattern> patterns = new ArrayList<>();
            for (Object[] p : patternRows) {
                Pattern pattern = pattern(p, codes);
                if (pattern != null) {
                    patterns.add(pattern);
                }
            }
            Map<String, Entry[]> entries = new HashMap<>();
            byFirst.forEach((term, list) -> entries.put(term, list.toArray(Entry[]::new)));
            WordsAnalyzer oneWord = WordsAnalyzer.oneWord(writtenWords.isEmpty() ? null : new TypoTolerance(writtenWords),
                    vocabulary.isEmpty() ? null : new TypoTolerance(vocabulary));
            Entry[] numbers = entries.get(NUMBER_TERM);
            TextRules rules = new TextRules(source, conceptsSheet, patternsSheet, List.copyOf(codes), List.copyOf(patterns),
                    new CustomerWords(oneWord, synonyms, numbers == null ? entries::get : term -> withNumbers(entries.get(term), term, numbers)),
                    entries.get(GAP_TERM), numbers);
            // The first text analysed loads and builds Lucene's chain: pay that here, not in a customer's decision.
            rules.match("Bonjour, la facture n'est pas encore arrivée, but the goods were not delivered.");
            return new Reading(rules, List.copyOf(problems));
        }

        /** The entries a word starts, with those of {@value #ANY_NUMBER} when it is a number (looked up once per distinct word). */
        private static Entry[] withNumbers(Entry[] entries, String term, Entry[] numbers) {
            if (!isNumber(term)) {
                return entries;
            }
            if (entries == null) {
                return numbers;
            }
            Entry[] both = Arrays.copyOf(entries, entries.length + numbers.length);
            System.arraycopy(numbers, 0, both, entries.length, numbers.length);
            return both;
        }

        /** Digits, with "," or "." between them ("4", "1,150", "3.5"). */
        static boolean isNumber(String term) {
            if (term.isEmpty() || !Character.isDigit(term.charAt(0)) || !Character.isDigit(term.charAt(term.length() - 1))) {
                return false;
            }
            for (int i = 1; i < term.length() - 1; i++) {
                char c = term.charAt(i);
                if (!Character.isDigit(c) && c != ',' && c != '.') {
                    return false;
                }
            }
            return true;
        }

        /** The synonym rows as analysed words, by the first word of the customer's words, longest first. */
        private Map<String, CustomerWords.Synonym[]> synonyms(Set<String> vocabulary) {
            Map<String, List<CustomerWords.Synonym>> byFirst = new HashMap<>();
            Map<String, Integer> inputRows = new HashMap<>();
            for (Object[] s : synonymRows) {
                int row = (Integer) s[0];
                @SuppressWarnings("unchecked")
                List<String> inputs = (List<String>) s[1];
                List<String> output = terms(plain, (String) s[2]);
                if (output.isEmpty()) {
                    problems.add(new TextTableProblem(synonymsSheet, row, "« " + s[2] + " » n'a que des mots que l'analyse ignore (articles, pronoms…) : "
                            + "écrivez un mot qui porte le sens", "«" + s[2] + "» has only words the analysis ignores"));
                    continue;
                }
                for (String input : inputs) {
                    List<String> in = terms(plain, input);
                    if (in.isEmpty()) {
                        problems.add(new TextTableProblem(synonymsSheet, row, "« " + input + " » n'a que des mots que l'analyse ignore (articles, pronoms…) : "
                                + "écrivez un mot qui porte le sens", "«" + input + "» has only words the analysis ignores"));
                        continue;
                    }
                    if (in.equals(output)) {
                        continue;
                    }
                    String key = String.join(" ", in);
                    Integer earlier = inputRows.putIfAbsent(key, row);
                    if (earlier != null) {
                        if (earlier != row) {
                            problems.add(new TextTableProblem(synonymsSheet, row, "« " + input + " » a déjà un équivalent à la ligne " + earlier
                                    + " ; un mot du client ne veut dire qu'une chose : gardez une seule des deux lignes",
                                    "«" + input + "» already has a meaning at row " + earlier));
                        }
                        continue;
                    }
                    vocabulary.addAll(in);
                    for (String word : terms(surface, input)) {
                        writtenWords.putIfAbsent(WordsAnalyzer.fold(word), word);
                    }
                    byFirst.computeIfAbsent(in.get(0), k -> new ArrayList<>())
                            .add(new CustomerWords.Synonym(in.toArray(String[]::new), output.toArray(String[]::new)));
                }
            }
            Map<String, CustomerWords.Synonym[]> synonyms = new HashMap<>();
            byFirst.forEach((first, list) -> {
                list.sort((a, b) -> Integer.compare(b.input().length, a.input().length));
                synonyms.put(first, list.toArray(CustomerWords.Synonym[]::new));
            });
            return synonyms;
        }

        private Pattern pattern(Object[] p, List<String> codes) {
            int row = (Integer) p[0];
            String subCause = p[1] == null ? "" : ((String) p[1]).strip();
            @SuppressWarnings("unchecked")
            List<String> concepts = (List<String>) p[2];
            int window = (Integer) p[3];
            boolean negationSensitive = (Boolean) p[4];
            double weight = (Double) p[5];
            int before = problems.size();
            if (!isSubCause(subCause)) {
                problems.add(new TextTableProblem(patternsSheet, row, "sous-cause inconnue « " + subCause + " » ; valeurs possibles : "
                        + String.join(", ", SUB_CAUSES), "unknown sub-cause «" + subCause + "»: expected one of "
                        + String.join(", ", SUB_CAUSES)));
            }
            if (concepts.isEmpty() || concepts.size() > 3) {
                problems.add(new TextTableProblem(patternsSheet, row, "un motif combine 1 à 3 concepts, et cette ligne en a " + concepts.size(),
                        "a pattern combines 1 to 3 concepts, found " + concepts.size()));
            }
            int[] ids = new int[concepts.size()];
            for (int i = 0; i < concepts.size(); i++) {
                String code = concepts.get(i).strip().toUpperCase(Locale.ROOT);
                ids[i] = codes.indexOf(code);
                if (ids[i] < 0) {
                    problems.add(new TextTableProblem(patternsSheet, row, "le concept « " + concepts.get(i)
                            + " » n'est pas dans la feuille " + conceptsSheet + " ; ajoutez-le ou corrigez son code",
                            "concept «" + concepts.get(i) + "» is not in sheet " + conceptsSheet));
                }
            }
            if (window < 1 || window > MAX_WINDOW) {
                problems.add(new TextTableProblem(patternsSheet, row, "la fenêtre doit compter de 1 à " + MAX_WINDOW + " mots, et vaut " + window,
                        "the window must be 1 to " + MAX_WINDOW + " words, found " + window));
            }
            if (!Double.isFinite(weight) || weight < 0 || weight > 10) {
                problems.add(new TextTableProblem(patternsSheet, row, "le poids doit être un nombre de 0 à 10, et vaut " + weight,
                        "the weight must be a number from 0 to 10, found " + weight));
            }
            if (problems.size() > before) {
                return null;
            }
            String text = String.join(" + ", concepts.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).toList())
                    + (concepts.size() > 1 ? " within " + window + " words" : "") + " → " + subCause;
            return new Pattern(subCause, ids, window, negationSensitive, weight, row, (String) p[6], text,
                    new PatternMatch.TableRow(source, patternsSheet, row, (String) p[6]));
        }
    }

    private static final List<String> SUB_CAUSES = List.of("DUPLICATE_INVOICE", "PRICE_DISAGREEMENT", "INVOICED_BEFORE_DELIVERY",
            "INCOMPLETE_DELIVERY", "ORDER_MISMATCH", "DEFECTIVE_PRODUCT", "UNSATISFACTORY_SERVICE", "CASH_FLOW_DIFFICULTY", NO_CAUSE);

    private static boolean isSubCause(String code) {
        return SUB_CAUSES.contains(code);
    }
}
