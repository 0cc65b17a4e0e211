package fr.litiges.impact;

import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.Ruleset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Decides many complaints at once on all cores, for replays and reports: one pool of as many
 * workers as processors, shared by every request, so two large replays queue for the cores instead
 * of each starting its own threads. A complaint that cannot be decided yields no decision; it
 * never stops the others.
 */
public class DecisionPool implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DecisionPool.class);
    /** The language of the rationale sentences; replays and reports do not show them. */
    private static final String LANGUAGE = "en";
    private static final int WARM_UP = 20;

    private final DecisionService decisions;
    private final ForkJoinPool pool;

    public DecisionPool(DecisionService decisions) {
        this(decisions, Runtime.getRuntime().availableProcessors());
    }

    DecisionPool(DecisionService decisions, int parallelism) {
        this.decisions = decisions;
        this.pool = new ForkJoinPool(Math.max(1, parallelism));
    }

    /** The ruleset active now, read once so that a whole report runs on one ruleset. */
    Ruleset activeRuleset() {
        return decisions.activeRuleset();
    }

    /**
     * The decision, or null when this complaint cannot be decided on this ruleset. A failure is tried
     * once more: a freshly compiled ruleset (a candidate) can overrun the time budget on its first
     * decisions while the engine compiles its constraints, which says nothing about the complaint.
     */
    Decision decideOrNull(Ruleset ruleset, Complaint complaint) {
        try {
            return decisions.decide(ruleset, complaint, LANGUAGE);
        } catch (RuntimeException first) {
            try {
                return decisions.decide(ruleset, complaint, LANGUAGE);
            } catch (RuntimeException e) {
                log.debug("complaint {} not decided on ruleset {}: {}", complaint.complaintId(), ruleset.version(), e.getMessage());
                return null;
            }
        }
    }

    /** Applies {@code work} to every complaint on the pool's workers; results in the complaints' order. */
    /** Decides a few complaints one at a time, so that the engine compiles its constraints before the cores compete. */
    void warmUp(Ruleset ruleset, List<Complaint> complaints) {
        complaints.stream().limit(WARM_UP).forEach(complaint -> decideOrNull(ruleset, complaint));
    }

    <T> List<T> map(List<Complaint> complaints, Function<Complaint, T> work) {
        try {
            return pool.submit(() -> IntStream.range(0, complaints.size()).parallel()
                    .mapToObj(i -> work.apply(complaints.get(i)))
                    .collect(ArrayList<T>::new, ArrayList::add, ArrayList::addAll)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding " + complaints.size() + " complaints", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("deciding " + complaints.size() + " complaints failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
