package fr.litiges.ruleset;

import java.util.List;
import java.util.function.Supplier;

/**
 * The folders' way to live: reads {@code rules/}, {@code decision-tables/} and {@code scenarios/}
 * and hands them to the {@link RulesetActivator}, which refuses them, or records them as a new
 * version and serves them. Content equal to the active one answers UNCHANGED and records nothing.
 */
public final class RulesetReloader {
    private final RulesetActivator activator;
    private final Supplier<RulesetSource> folders;
    private final Recorder recorder;

    /** Records a folder change that passed the gate; {@code trigger} says who asked ("api", "watcher", "start-up"). */
    @FunctionalInterface
    public interface Recorder {
        String record(String trigger, RulesetActivator.Trial trial);
    }

    public RulesetReloader(RulesetActivator activator, Supplier<RulesetSource> folders, Recorder recorder) {
        this.activator = activator;
        this.folders = folders;
        this.recorder = recorder;
    }

    /** Without a repository: versions are the compiler's labels (tests, tools). */
    public RulesetReloader(RulesetActivator activator, Supplier<RulesetSource> folders) {
        this(activator, folders, (trigger, trial) -> RulesetActivator.Recorder.UNVERSIONED.record(trial));
    }

    /**
     * Reloads from the folders.
     *
     * @param trigger       who asked ("api", "watcher"), for the log, the metrics and the version's author
     * @param onlyIfChanged kept for callers; unchanged content is never recorded again either way
     */
    public LastReload reload(String trigger, boolean onlyIfChanged) {
        RulesetSource source;
        try {
            source = folders.get();
        } catch (RuntimeException e) {
            LastReload refused = new LastReload(java.time.Instant.now(), trigger, LastReload.Outcome.REFUSED,
                    activator.active().isActive() ? activator.active().current().version() : null,
                    activator.active().isActive() ? activator.active().current().hash() : null,
                    List.of(RuleProblem.inFile(null, RuleProblem.rootMessage(e))));
            activator.noteLast(refused);
            return refused;
        }
        return activator.activate(trigger, source, true, trial -> recorder.record(trigger, trial));
    }

    public LastReload lastReload() {
        return activator.lastReload();
    }
}
