package fr.litiges.ruleset;

import fr.litiges.text.SecondReader;
import fr.litiges.text.TextRules;
import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/**
 * An immutable, compiled snapshot of the analysts' rules: what decisions run on. A reload
 * builds a new one to the side and swaps it in whole, so a decision never sees two rulesets.
 * Decisions borrow their engine sessions from its {@link SessionPool}, which goes with it. The
 * second reader, learnt from the analysts' examples, goes with it too ({@link SecondReader#NONE} without them).
 */
public record Ruleset(String version, String hash, Instant loadedAt, KieBase kieBase, SourceMap sourceMap,
                      List<FileSummary> files, TextRules textRules, SessionPool sessions, SecondReader secondReader) {

    /** One analyst file and how many rules it yields. */
    public record FileSummary(String path, String type, int ruleCount) {
    }

    public Ruleset {
        files = List.copyOf(files);
        textRules = textRules == null ? TextRules.EMPTY : textRules;
        sessions = sessions == null ? new SessionPool(kieBase, SessionPool.DEFAULT_MAX_IDLE) : sessions;
        secondReader = secondReader == null ? SecondReader.NONE : secondReader;
    }

    public Ruleset(String version, String hash, Instant loadedAt, KieBase kieBase, SourceMap sourceMap, List<FileSummary> files,
                   TextRules textRules, SessionPool sessions) {
        this(version, hash, loadedAt, kieBase, sourceMap, files, textRules, sessions, null);
    }

    public Ruleset(String version, String hash, Instant loadedAt, KieBase kieBase, SourceMap sourceMap, List<FileSummary> files,
                   TextRules textRules) {
        this(version, hash, loadedAt, kieBase, sourceMap, files, textRules, null);
    }

    public Ruleset(String version, String hash, Instant loadedAt, KieBase kieBase, SourceMap sourceMap, List<FileSummary> files) {
        this(version, hash, loadedAt, kieBase, sourceMap, files, TextRules.EMPTY);
    }

    /** The same compiled rules, and the same pool of sessions, under the name of the version that holds them (a commit id). */
    public Ruleset withVersion(String name) {
        return name.equals(version) ? this : new Ruleset(name, hash, loadedAt, kieBase, sourceMap, files, textRules, sessions, secondReader);
    }

    /**
     * The same compiled rules with a pool of its own keeping at most {@code maxIdle} sessions; 0
     * reuses none (every decision on a new session, as before pooling: what tests compare with).
     */
    public Ruleset withSessionPool(int maxIdle) {
        return new Ruleset(version, hash, loadedAt, kieBase, sourceMap, files, textRules, new SessionPool(kieBase, maxIdle), secondReader);
    }

    /** The same compiled rules and sessions with another second reader (one learnt from part of the examples, to measure it). */
    public Ruleset withSecondReader(SecondReader reader) {
        return new Ruleset(version, hash, loadedAt, kieBase, sourceMap, files, textRules, sessions, reader);
    }

    public int ruleCount() {
        return sourceMap.size();
    }
}
