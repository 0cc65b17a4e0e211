package fr.litiges.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong API keys per client address in a fixed window, so that guessing keys is slow.
 * Only failures are counted and only failures are refused: a correct key always passes. At most
 * {@code maxAddresses} addresses are tracked; when full, expired windows are dropped, and if none
 * has expired a new address goes untracked until room is made (memory stays bounded under a flood).
 */
final class FailedAuthentications {
    private record Window(Instant start, int failures) {
    }

    private final int limit;
    private final Duration window;
    private final int maxAddresses;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    FailedAuthentications(FailedAuthLimits limits, Clock clock) {
        this.limit = limits.failedAuthLimit();
        this.window = limits.failedAuthWindow();
        this.maxAddresses = Math.max(1, limits.failedAuthAddresses());
        this.clock = clock;
    }

    /** Seconds this address must still wait before its next wrong key is answered 401 again; 0 when not throttled. */
    long retryAfterSeconds(String address) {
        if (limit <= 0) {
            return 0;
        }
        Window current = windows.get(address);
        Instant now = clock.instant();
        if (current == null || current.failures() < limit || !now.isBefore(current.start().plus(window))) {
            return 0;
        }
        return Math.max(1, Duration.between(now, current.start().plus(window)).toSeconds() + 1);
    }

    void failed(String address) {
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (!windows.containsKey(address) && windows.size() >= maxAddresses) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
            if (windows.size() >= maxAddresses) {
                return;
            }
        }
        windows.compute(address, (key, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    int tracked() {
        return windows.size();
    }
}
