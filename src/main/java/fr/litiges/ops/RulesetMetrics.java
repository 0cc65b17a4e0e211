package fr.litiges.ops;

import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active ruleset as metrics: an info gauge {@code litiges.ruleset.active} (value 1) labelled
 * with its version and hash, and {@code litiges.rule.hits}, how many times each rule fired,
 * labelled with the rule's id and its file. Every rule of the active ruleset has its counter from
 * the moment it is activated, at 0, so rules and table rows that never fire show up in production.
 * <p>
 * The labels come from the analysts' files, so their number is bounded: at most
 * {@code maxRuleLabels} rules get their own counter, the rest share {@code ruleId="_other"}; and
 * when another ruleset becomes active the counters of the previous one are removed and start again
 * from 0 for the new one. Decisions still running on the previous ruleset at that moment are not
 * counted: hits always describe the ruleset named by the info gauge.
 */
final class RulesetMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RulesetMetrics.class);
    static final String ACTIVE = "litiges.ruleset.active";
    static final String RULE_HITS = "litiges.rule.hits";
    static final String OTHER = "_other";

    private record RuleKey(String ruleId, String source) {
        static RuleKey of(String ruleId, String source) {
            return new RuleKey(ruleId == null ? OTHER : ruleId, source == null ? "none" : source);
        }
    }

    /** The counters of one ruleset, replaced whole when another ruleset becomes active. */
    private record Hits(String hash, Map<RuleKey, Counter> counters, Counter other) {
        static final Hits NONE = new Hits(null, Map.of(), null);
    }

    private final MeterRegistry registry;
    private final ActiveRuleset active;
    private final int maxRuleLabels;
    private final MultiGauge activeInfo;
    private volatile Hits hits = Hits.NONE;
    private ScheduledExecutorService poller;

    RulesetMetrics(MeterRegistry registry, ActiveRuleset active, int maxRuleLabels) {
        this.registry = registry;
        this.active = active;
        this.maxRuleLabels = maxRuleLabels;
        this.activeInfo = MultiGauge.builder(ACTIVE)
                .description("The ruleset decisions run on: always 1, its version and hash are labels")
                .register(registry);
    }

    /** Follows the active ruleset; cheap when it has not changed. */
    void sync() {
        Ruleset current = activeOrNull();
        if (!Objects.equals(current == null ? null : current.hash(), hits.hash())) {
            replace(current);
        }
    }

    /** The active ruleset, or null while none is (a replica starting before its first ruleset passed the gate). */
    private Ruleset activeOrNull() {
        try {
            return active.current();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Looks for a newly activated ruleset every {@code period}, on one daemon thread. */
    synchronized void poll(Duration period) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ruleset-metrics");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                sync();
            } catch (RuntimeException e) {
                // keep polling: a metrics hiccup must not stop the info gauge for good
                log.warn("Cannot update the ruleset metrics: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private synchronized void replace(Ruleset current) {
        String hash = current == null ? null : current.hash();
        if (Objects.equals(hash, hits.hash())) {
            return;
        }
        Hits previous = hits;
        previous.counters().values().forEach(registry::remove);
        if (previous.other() != null) {
            registry.remove(previous.other());
        }
        if (current == null) {
            // Nothing active yet (or any more): no version to show, no rule to count.
            activeInfo.register(List.of(), true);
            hits = Hits.NONE;
            return;
        }
        activeInfo.register(List.of(MultiGauge.Row.of(Tags.of("version", current.version(), "hash", current.hash()), 1)), true);
        Map<RuleKey, Counter> counters = new HashMap<>();
        current.sourceMap().all().stream()
                .map(origin -> RuleKey.of(origin.ruleId(), origin.source()))
                .distinct()
                .sorted(Comparator.comparing(RuleKey::source).thenComparing(RuleKey::ruleId))
                .limit(maxRuleLabels)
                .forEach(key -> counters.put(key, counter(key)));
        hits = new Hits(hash, Map.copyOf(counters), counter(new RuleKey(OTHER, OTHER)));
    }

    private Counter counter(RuleKey key) {
        return Counter.builder(RULE_HITS)
                .description("Times a rule or decision-table row fired, since its ruleset became active on this instance")
                .tags("ruleId", key.ruleId(), "source", key.source())
                .register(registry);
    }

    /** Counts the rules a decision fired, from its trace; a decision on a ruleset no longer active is not counted. */
    void countHits(Decision decision) {
        Hits now = hits;
        String hash = decision.ruleset() == null ? null : decision.ruleset().hash();
        if (hash == null) {
            return;
        }
        if (!hash.equals(now.hash())) {
            sync();
            now = hits;
            if (!hash.equals(now.hash())) {
                return;
            }
        }
        for (Decision.TraceEntry entry : decision.trace()) {
            Counter counter = now.counters().get(RuleKey.of(entry.ruleId(), entry.source()));
            (counter != null ? counter : now.other()).increment();
        }
    }
}
