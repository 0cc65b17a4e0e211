package fr.litiges.versions;

import fr.litiges.ruleset.RuleFolderWatcher;
import fr.litiges.ruleset.RuleProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Start-up puts a ruleset through the gate once every bean exists and before the web server
 * opens (readiness stays DOWN until then); then the folders are watched (folder mode) and the
 * repository polled (replicas), and old candidates are cleaned up.
 */
final class RulesetLifecycle implements SmartInitializingSingleton, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RulesetLifecycle.class);

    private final RulesetVersions versions;
    private final RuleFolderWatcher watcher;
    private final Duration poll;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ruleset-versions");
        thread.setDaemon(true);
        return thread;
    });

    RulesetLifecycle(RulesetVersions versions, RuleFolderWatcher watcher, Duration poll) {
        this.versions = versions;
        this.watcher = watcher;
        this.poll = poll;
    }

    @Override
    public void afterSingletonsInstantiated() {
        versions.start();
        if (watcher != null) {
            try {
                watcher.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot watch the rule folders: " + e.getMessage(), e);
            }
        }
        scheduler.scheduleWithFixedDelay(this::pollOnce, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(versions::cleanUp, 1, 1, TimeUnit.HOURS);
    }

    private void pollOnce() {
        try {
            versions.poll();
        } catch (RuntimeException e) {
            log.warn("Cannot follow the rules repository: {}", RuleProblem.rootMessage(e));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
    }
}
