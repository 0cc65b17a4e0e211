package fr.litiges.ruleset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to live, for start-up, folder changes, reload, publish, activate and a replica's
 * poll: compile the content, run every scenario book on it (which also warms the new rules up,
 * so the first real request is not the slow one), record it as a version, and only then swap it
 * in atomically. A ruleset that fails any step is never served. One activation at a time.
 */
public final class RulesetActivator {
    private static final Logger log = LoggerFactory.getLogger(RulesetActivator.class);

    /** Said with every refusal of rules that do not compile: no scenario could run, so no coverage either. */
    static final RuleProblem COVERAGE_NOT_COMPILED = RuleProblem.inFile(null,
            "pour information, les lignes qu'aucun scénario ne couvre ne peuvent pas être listées tant que les règles ne se "
                    + "chargent pas : corrigez d'abord les erreurs ci-dessus",
            "for information, the rows no scenario covers cannot be listed while the rules do not compile: fix the errors above first");

    private final RulesetCompiler compiler;
    private final ActiveRuleset active;
    private final List<RulesetGate> gates;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<LastReload> last = new AtomicReference<>();
    private volatile RulesetSource activeSource;

    public RulesetActivator(RulesetCompiler compiler, ActiveRuleset active, List<RulesetGate> gates, MeterRegistry metrics, Clock clock) {
        this.compiler = compiler;
        this.active = active;
        this.gates = List.copyOf(gates);
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Records a ruleset that passed the gate as a version, just before it goes live, and names it.
     * Throwing (e.g. because another replica moved the active version first) leaves the active
     * ruleset untouched.
     */
    @FunctionalInterface
    public interface Recorder {
        String record(Trial trial);

        /** No repository: the version is the compiler's time-and-hash label. */
        Recorder UNVERSIONED = trial -> trial.ruleset().version();
    }

    /** A content put through the compiler and the gate, without going live. */
    public record Trial(RulesetSource source, Ruleset ruleset, List<RuleProblem> errors, RulesetGate.Verdict scenarios) {
        public Trial {
            errors = List.copyOf(errors);
        }

        /** Compiles and every scenario passes. */
        public boolean passed() {
            return ruleset != null && errors.isEmpty() && scenarios.failures().isEmpty();
        }

        /** Compile errors, then failed scenarios: what the 422 of a refused reload lists. */
        public List<RuleProblem> problems() {
            List<RuleProblem> all = new ArrayList<>(errors);
            all.addAll(scenarios.failures());
            return all;
        }
    }

    /** Compiles the content and runs every gate on it; nothing goes live. */
    public Trial trial(RulesetSource source) {
        RulesetCompilation compilation = compiler.compile(source);
        if (!compilation.succeeded()) {
            List<RuleProblem> problems = new ArrayList<>(compilation.problems());
            if (!gates.isEmpty()) {
                problems.add(COVERAGE_NOT_COMPILED);
            }
            return new Trial(source, null, problems, RulesetGate.Verdict.NONE);
        }
        int run = 0;
        int passed = 0;
        List<RuleProblem> failures = new ArrayList<>();
        for (RulesetGate gate : gates) {
            RulesetGate.Verdict verdict;
            try {
                verdict = gate.check(compilation.ruleset(), source);
            } catch (RuntimeException e) {
                verdict = new RulesetGate.Verdict(0, 0, List.of(RuleProblem.inFile(null,
                        "la vérification par les scénarios n'a pas pu s'exécuter, si bien que les lignes qu'aucun scénario ne "
                                + "couvre ne peuvent pas être listées ; réessayez, et signalez-le à l'équipe technique si cela persiste "
                                + "(détail : " + RuleProblem.rootMessage(e) + ")",
                        "the gate failed, so the rows no scenario covers cannot be listed: " + RuleProblem.rootMessage(e))));
            }
            run += verdict.run();
            passed += verdict.passed();
            failures.addAll(verdict.failures());
        }
        return new Trial(source, compilation.ruleset(), List.of(), new RulesetGate.Verdict(run, passed, failures));
    }

    /**
     * Puts the content through the gate and, if it passes, records and serves it.
     *
     * @param trigger       who asked ("start-up", "watcher", "api", "publish", "activate", "poll")
     * @param onlyIfChanged answer UNCHANGED, without compiling or recording, when the content is the active one
     */
    public LastReload activate(String trigger, RulesetSource source, boolean onlyIfChanged, Recorder recorder) {
        lock.lock();
        try {
            if (onlyIfChanged && active.isActive() && activeSource != null && activeSource.hash().equals(source.hash())) {
                Ruleset current = active.current();
                return finish(trigger, null, new LastReload(clock.instant(), trigger, LastReload.Outcome.UNCHANGED, current.version(),
                        current.hash(), List.of()));
            }
            Timer.Sample sample = Timer.start(metrics);
            return finish(trigger, sample, goLive(trigger, trial(source), recorder));
        } finally {
            lock.unlock();
        }
    }

    /** Serves a content already tried (an uploaded candidate), through the same recording and swap. */
    public LastReload activate(String trigger, Trial trial, Recorder recorder) {
        lock.lock();
        try {
            Timer.Sample sample = Timer.start(metrics);
            return finish(trigger, sample, goLive(trigger, trial, recorder));
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} while no activation can start, e.g. to read the active version and act on it consistently. */
    public <T> T exclusively(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private LastReload goLive(String trigger, Trial trial, Recorder recorder) {
        String before = active.isActive() ? active.current().version() : null;
        if (!trial.passed()) {
            List<RuleProblem> problems = trial.problems();
            log.warn("Ruleset refused ({}), {}: {} problem(s)\n{}", trigger,
                    before == null ? "nothing is active yet" : "ruleset " + before + " stays active", problems.size(),
                    String.join("\n", problems.stream().map(p -> "  - " + p).toList()));
            Ruleset current = active.isActive() ? active.current() : null;
            return new LastReload(clock.instant(), trigger, LastReload.Outcome.REFUSED, current == null ? null : current.version(),
                    current == null ? null : current.hash(), problems);
        }
        String version = recorder.record(trial);
        Ruleset next = trial.ruleset().withVersion(version);
        active.replace(next);
        activeSource = trial.source();
        log.info("Ruleset {} is live ({}), replacing {}: {} rules, {} of {} scenarios passed, {}", next.version(), trigger,
                before == null ? "nothing" : before, next.ruleCount(), trial.scenarios().passed(), trial.scenarios().run(), next.hash());
        return new LastReload(clock.instant(), trigger, LastReload.Outcome.APPLIED, next.version(), next.hash(), List.of());
    }

    private LastReload finish(String trigger, Timer.Sample sample, LastReload result) {
        last.set(result);
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        if (sample != null) {
            sample.stop(metrics.timer("litiges.ruleset.reload.duration", "outcome", outcome));
        }
        metrics.counter("litiges.ruleset.reloads", "outcome", outcome, "trigger", trigger).increment();
        return result;
    }

    /** Replaces the last outcome shown by {@code GET /api/v1/ruleset}, e.g. with a start-up fallback note. */
    public void noteLast(LastReload reload) {
        last.set(reload);
    }

    public LastReload lastReload() {
        return last.get();
    }

    /** The files of the ruleset being served, or null before start-up. */
    public RulesetSource activeSource() {
        return activeSource;
    }

    public ActiveRuleset active() {
        return active;
    }
}
