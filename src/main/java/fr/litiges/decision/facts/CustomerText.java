package fr.litiges.decision.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customer's free text, normalised once, plus the credits rules give to cue hits during one
 * decision. Rules use it from decision tables:
 *
 * <pre>
 * $t: CustomerText($hit: cue("facturé deux fois") != null)
 * then
 *     $t.credit($hit, "DUPLICATE_INVOICE");
 *     $t.weigh($hit, 2);
 * </pre>
 *
 * <p>One instance per decision, used by that decision's (single-threaded) session only, hence
 * plain collections for the per-decision state.
 */
public final class CustomerText {

    /*
     * Compiled cues shared by all decisions. Safe to keep unbounded in practice: the keys are the
     * cue literals written in the rule tables (a few hundred to a few thousand), never customer
     * input, and Cue is immutable. The cap only guards against a caller misusing cue() with
     * arbitrary strings: past it, cues are compiled per call instead of growing the map.
     */
    private static final int MAX_CACHED_CUES = 20_000;
    private static final Map<String, Cue> COMPILED = new ConcurrentHashMap<>();

    private final String raw;
    private final int[] starts;
    private final int[] ends;
    /** The stem of each token, in text order. */
    private final String[] stems;
    /*
     * Built on the first cue(String) call only: the cue table goes through CueIndex, which needs
     * the stems alone, so most decisions never pay for this per-text index.
     */
    private int[] tokenStemIds;
    private Map<String, Integer> stemIds;
    /** positions[stemId] = ascending token indexes where that stem occurs. */
    private int[][] positions;

    /*
     * Drools may evaluate the same cue() more than once for one fact (constraint, then binding
     * extraction). Memoising makes every call return the same CueHit instance, which keeps
     * weigh()'s identity lookup reliable and makes repeated checks free.
     */
    private final Map<String, Optional<CueHit>> hits = new HashMap<>();
    private final List<CueCredit> credits = new ArrayList<>();
    private final List<CueCredit> creditsView = Collections.unmodifiableList(credits);

    private CustomerText(String raw, List<TextNormalizer.Token> tokens) {
        this.raw = raw;
        int n = tokens.size();
        starts = new int[n];
        ends = new int[n];
        stems = new String[n];
        for (int i = 0; i < n; i++) {
            TextNormalizer.Token t = tokens.get(i);
            starts[i] = t.start();
            ends[i] = t.end();
            stems[i] = t.stem();
        }
    }

    private void index() {
        if (stemIds != null) {
            return;
        }
        int n = stems.length;
        tokenStemIds = new int[n];
        stemIds = new HashMap<>(Math.max(16, n * 2));
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            Integer id = stemIds.get(stems[i]);
            if (id == null) {
                id = stemIds.size();
                stemIds.put(stems[i], id);
            }
            tokenStemIds[i] = id;
            counts[id]++;
        }
        positions = new int[stemIds.size()][];
        for (int id = 0; id < positions.length; id++) {
            positions[id] = new int[counts[id]];
            counts[id] = 0;
        }
        for (int i = 0; i < n; i++) {
            int id = tokenStemIds[i];
            positions[id][counts[id]++] = i;
        }
    }

    /** The stems of the words, in text order (shared array: callers must not modify it). */
    String[] stems() {
        return stems;
    }

    /** A hit for the words from token {@code first} to token {@code last}, as the customer wrote them. */
    CueHit hit(String cue, int first, int last) {
        return new CueHit(cue, raw.substring(starts[first], ends[last]), starts[first]);
    }

    /** Normalises the text once; null or blank gives an empty text that matches nothing. */
    public static CustomerText of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new CustomerText("", List.of());
        }
        return new CustomerText(raw, TextNormalizer.tokenize(raw));
    }

    /** True when the text has no word at all (null, blank or punctuation only). */
    public boolean isEmpty() {
        return stems.length == 0;
    }

    /**
     * The first (leftmost, then shortest) occurrence of the cue, or null.
     *
     * @throws IllegalArgumentException if the cue is null, has no words or starts/ends with a
     *         wildcard, even when this text is empty, so that a bad rule fails on every decision
     */
    public CueHit cue(String cue) {
        if (cue == null) {
            throw new IllegalArgumentException("cue must not be null");
        }
        Optional<CueHit> known = hits.get(cue);
        if (known != null) {
            return known.orElse(null);
        }
        CueHit hit = find(compiled(cue));
        hits.put(cue, Optional.ofNullable(hit));
        return hit;
    }

    public boolean mentions(String cue) {
        return cue(cue) != null;
    }

    /** Records that the hit supports the sub-cause, with weight 1 until {@link #weigh} says otherwise. */
    public void credit(CueHit hit, String subCause) {
        credits.add(new CueCredit(hit, subCause, 1));
    }

    /**
     * Sets the weight of the latest credit of this very hit (identity), i.e. the one the current
     * rule just made, leaving earlier credits of the same hit by other rules alone. A null weight
     * changes nothing (the credit keeps weight 1).
     *
     * @throws IllegalArgumentException on a null hit or a negative, NaN or infinite weight
     * @throws IllegalStateException if the hit was never credited: a rule weighs without crediting
     */
    public void weigh(CueHit hit, Number weight) {
        if (hit == null) {
            throw new IllegalArgumentException("cannot weigh a null cue hit");
        }
        double w = weight == null ? 1 : weight.doubleValue();
        if (!Double.isFinite(w) || w < 0) {
            throw new IllegalArgumentException("weight must be a finite number >= 0, got " + weight + " for " + hit);
        }
        for (int i = credits.size() - 1; i >= 0; i--) {
            CueCredit c = credits.get(i);
            if (c.hit() == hit) {
                if (weight != null) {
                    credits.set(i, new CueCredit(hit, c.subCause(), w));
                }
                return;
            }
        }
        throw new IllegalStateException("weigh() called before credit() for " + hit);
    }

    /** Unmodifiable live view of the credits, in the order they were given. */
    public List<CueCredit> credits() {
        return creditsView;
    }

    @Override
    public String toString() {
        // No customer words here: this may end up in logs.
        return "CustomerText[" + stems.length + " words, " + credits.size() + " credits]";
    }

    private static Cue compiled(String cue) {
        Cue c = COMPILED.get(cue);
        if (c != null) {
            return c;
        }
        if (COMPILED.size() >= MAX_CACHED_CUES) {
            return Cue.compile(cue);
        }
        // An invalid cue throws out of computeIfAbsent, so it is never cached and fails every time.
        return COMPILED.computeIfAbsent(cue, Cue::compile);
    }

    private CueHit find(Cue cue) {
        if (stems.length == 0) {
            return null;
        }
        index();
        int k = cue.words.length;
        int[] wanted = new int[k];
        for (int i = 0; i < k; i++) {
            Integer id = stemIds.get(cue.words[i]);
            if (id == null) {
                return null; // some word never occurs: the common case, one hash lookup per word
            }
            wanted[i] = id;
        }
        for (int first : positions[wanted[0]]) {
            int last = matchRest(cue, wanted, 1, first);
            if (last >= 0) {
                return new CueHit(cue.source, raw.substring(starts[first], ends[last]), starts[first]);
            }
        }
        return null;
    }

    /** Index of the last matched token when words[i..] follow token prev, else -1. */
    private int matchRest(Cue cue, int[] wanted, int i, int prev) {
        if (i == wanted.length) {
            return prev;
        }
        // Fewest skipped words first, so the reported match is the tightest one.
        for (int gap = cue.minGap[i]; gap <= cue.maxGap[i]; gap++) {
            int pos = prev + 1 + gap;
            if (pos >= tokenStemIds.length) {
                return -1;
            }
            if (tokenStemIds[pos] == wanted[i]) {
                int last = matchRest(cue, wanted, i + 1, pos);
                if (last >= 0) {
                    return last;
                }
            }
        }
        return -1;
    }
}
