package fr.litiges.ruleset;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the analysts' folders and asks for a reload once they have been quiet for the
 * debounce period, so a file still being saved (Excel writes a temporary file, then renames it;
 * some tools write in several steps) is never read half-written. Editors' lock and temporary
 * files do not count as changes.
 */
public final class RuleFolderWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final List<Path> folders;
    private final Duration debounce;
    private final Runnable reload;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rule-folder-reload");
        thread.setDaemon(true);
        return thread;
    });
    private WatchService watchService;
    private Thread watching;
    private ScheduledFuture<?> pending;
    private String pendingFingerprint;

    public RuleFolderWatcher(List<Path> folders, Duration debounce, Runnable reload) {
        this.folders = List.copyOf(folders);
        this.debounce = debounce;
        this.reload = reload;
    }

    public synchronized void start() throws IOException {
        watchService = FileSystems.getDefault().newWatchService();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                registerTree(folder);
            }
        }
        watching = new Thread(this::watch, "rule-folder-watcher");
        watching.setDaemon(true);
        watching.start();
        log.info("Watching {} for rule changes (reload after {} ms of quiet)", folders, debounce.toMillis());
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        while (true) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean relevant = false;
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    relevant = true;
                    continue;
                }
                Path changed = dir.resolve((Path) event.context());
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                    try {
                        registerTree(changed);
                    } catch (IOException e) {
                        log.warn("Cannot watch new folder {}: {}", changed, e.getMessage());
                    }
                    relevant = true;
                } else if (isAnalystFile(changed.getFileName().toString())) {
                    relevant = true;
                }
            }
            key.reset();
            if (relevant) {
                schedule();
            }
        }
    }

    /** Each change pushes the reload back by the debounce period. */
    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pendingFingerprint = fingerprint();
        pending = scheduler.schedule(this::reloadWhenStill, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reloads only if sizes and modification times did not move during the quiet period. */
    private void reloadWhenStill() {
        synchronized (this) {
            String now = fingerprint();
            if (!now.equals(pendingFingerprint)) {
                pendingFingerprint = now;
                pending = scheduler.schedule(this::reloadWhenStill, debounce.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            pending = null;
        }
        try {
            reload.run();
        } catch (RuntimeException e) {
            log.error("Reload after a file change failed: {}", e.getMessage(), e);
        }
    }

    private String fingerprint() {
        StringBuilder out = new StringBuilder();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
                files.sort(null);
                for (Path file : files) {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    out.append(file).append(':').append(attributes.size()).append(':').append(attributes.lastModifiedTime().toMillis()).append('\n');
                }
            } catch (IOException e) {
                out.append("unreadable:").append(folder).append('\n');
            }
        }
        return out.toString();
    }

    static boolean isAnalystFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !RuleFolders.isEditorLeftover(name) && (lower.endsWith(".drl") || lower.endsWith(".xlsx"));
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                log.debug("closing the watch service: {}", e.getMessage());
            }
        }
        if (watching != null) {
            watching.interrupt();
        }
    }
}
