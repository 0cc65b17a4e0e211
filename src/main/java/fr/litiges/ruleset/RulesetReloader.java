package fr.litiges.ruleset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the ruleset off to the side, compiles it, runs the gates (the analysts' scenarios)
 * on it, and only then swaps it in; a refused ruleset leaves the active one untouched. One
 * reload at a time: a second request waits for the first and then sees its result.
 */
public final class RulesetReloader {
    private static final Logger log = LoggerFactory.getLogger(RulesetReloader.class);

    private final RulesetCompiler compiler;
    private final RuleFolders folders;
    private final ActiveRuleset active;
    private final List<RulesetGate> gates;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<LastReload> last = new AtomicReference<>();

    public RulesetReloader(RulesetCompiler compiler, RuleFolders folders, ActiveRuleset active, List<RulesetGate> gates,
                           MeterRegistry metrics, Clock clock) {
        this.compiler = compiler;
        this.folders = folders;
        this.active = active;
        this.gates = List.copyOf(gates);
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Reloads from the folders.
     *
     * @param trigger      who asked ("api", "watcher"), for the log and the metrics
     * @param onlyIfChanged skip the rebuild when the files hash to the active ruleset's hash
     */
    public LastReload reload(String trigger, boolean onlyIfChanged) {
        lock.lock();
        try {
            Timer.Sample sample = Timer.start(metrics);
            LastReload result = rebuild(trigger, onlyIfChanged);
            last.set(result);
            sample.stop(metrics.timer("litiges.ruleset.reload.duration", "outcome", result.outcome().name().toLowerCase()));
            metrics.counter("litiges.ruleset.reloads", "outcome", result.outcome().name().toLowerCase(), "trigger", trigger).increment();
            return result;
        } finally {
            lock.unlock();
        }
    }

    public LastReload lastReload() {
        return last.get();
    }

    private LastReload rebuild(String trigger, boolean onlyIfChanged) {
        Ruleset current = active.current();
        if (onlyIfChanged) {
            try {
                if (RuleFolders.contentHash(folders.read()).equals(current.hash())) {
                    return new LastReload(clock.instant(), trigger, LastReload.Outcome.UNCHANGED, current.version(), current.hash(), List.of());
                }
            } catch (RuntimeException e) {
                // unreadable now: let the full rebuild report it
            }
        }
        RulesetCompilation compilation = compiler.compile(folders);
        List<RuleProblem> problems = new ArrayList<>(compilation.problems());
        if (compilation.succeeded()) {
            for (RulesetGate gate : gates) {
                problems.addAll(gate.check(compilation.ruleset()));
            }
        }
        if (!problems.isEmpty()) {
            log.warn("Reload ({}) refused, ruleset {} stays active: {} problem(s)\n{}", trigger, current.version(), problems.size(),
                    String.join("\n", problems.stream().map(p -> "  - " + p).toList()));
            return new LastReload(clock.instant(), trigger, LastReload.Outcome.REFUSED, current.version(), current.hash(), problems);
        }
        Ruleset next = compilation.ruleset();
        active.replace(next);
        log.info("Reload ({}) applied: ruleset {} replaces {} ({} rules, {})", trigger, next.version(), current.version(),
                next.ruleCount(), next.hash());
        return new LastReload(clock.instant(), trigger, LastReload.Outcome.APPLIED, next.version(), next.hash(), List.of());
    }
}
