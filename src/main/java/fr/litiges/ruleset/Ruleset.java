package fr.litiges.ruleset;

import fr.litiges.text.TextRules;
import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/**
 * An immutable, compiled snapshot of the analysts' rules: what decisions run on. A reload
 * builds a new one to the side and swaps it in whole, so a decision never sees two rulesets.
 */
public record Ruleset(String version, String hash, Instant loadedAt, KieBase kieBase, SourceMap sourceMap,
                      List<FileSummary> files, TextRules textRules) {

    /** One analyst file and how many rules it yields. */
    public record FileSummary(String path, String type, int ruleCount) {
    }

    public Ruleset {
        files = List.copyOf(files);
        textRules = textRules == null ? TextRules.EMPTY : textRules;
    }

    public Ruleset(String version, String hash, Instant loadedAt, KieBase kieBase, SourceMap sourceMap, List<FileSummary> files) {
        this(version, hash, loadedAt, kieBase, sourceMap, files, TextRules.EMPTY);
    }

    /** The same compiled rules under the name of the version that holds them (a commit id). */
    public Ruleset withVersion(String name) {
        return name.equals(version) ? this : new Ruleset(name, hash, loadedAt, kieBase, sourceMap, files, textRules);
    }

    public int ruleCount() {
        return sourceMap.size();
    }
}
