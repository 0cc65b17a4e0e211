package fr.litiges.versions;

import fr.litiges.ruleset.RulesetActivator;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetSource;

/**
 * A candidate as kept between upload and publish: what it shows, the content it was tried on,
 * and its base version's content, so impact replay can decide the same complaints on both.
 */
public final class HeldCandidate {
    private final Candidate view;
    private final RulesetActivator.Trial trial;
    private final RulesetSource base;

    HeldCandidate(Candidate view, RulesetActivator.Trial trial, RulesetSource base) {
        this.view = view;
        this.trial = trial;
        this.base = base;
    }

    public Candidate view() {
        return view;
    }

    public String id() {
        return view.id();
    }

    public String baseVersion() {
        return view.baseVersion();
    }

    /** The candidate's files. */
    public RulesetSource source() {
        return trial.source();
    }

    /** The base version's files. */
    public RulesetSource baseSource() {
        return base;
    }

    /** The candidate compiled (also when only its scenarios fail); null when it does not compile. */
    public Ruleset ruleset() {
        return trial.ruleset();
    }

    RulesetActivator.Trial trial() {
        return trial;
    }
}
