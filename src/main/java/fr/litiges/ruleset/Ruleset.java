package fr.litiges.ruleset;

import fr.litiges.text.TextRules;
import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.conf.ThreadSafeOption;

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

    /**
     * A new session for one decision on one thread: without the locks a session shared between
     * threads needs, and not remembered by the rule base (which only matters for rule bases changed
     * in place; a reload builds a new one instead). Dispose of it after the decision.
     */
    public KieSession newSession() {
        return kieBase.newKieSession(Sessions.ONE_THREAD, null);
    }

    /** Holder: one configuration for every session, read only. */
    private static final class Sessions {
        static final KieSessionConfiguration ONE_THREAD = oneThread();

        private static KieSessionConfiguration oneThread() {
            KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
            configuration.setOption(ThreadSafeOption.NO);
            configuration.setOption(KeepReferenceOption.NO);
            return configuration;
        }
    }

    public int ruleCount() {
        return sourceMap.size();
    }
}
