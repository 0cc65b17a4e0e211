package fr.litiges.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Semaphore;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Bounds the heavy work of one instance: at most {@link WebLimits#maxConcurrentBatches()} batches
 * (of complaints or of prevention portfolios, both up to 16 MiB) decide at once, so their bodies in memory stay bounded
 * (single decisions keep their latency through {@link DecisionPermits}); a batch over the
 * limit is refused at once with a 503 and Retry-After instead of queueing (a queue would hold its
 * 16 MiB body in memory). On shutdown it tells running batches to stop, so the graceful shutdown
 * ends within its grace period: their remaining items answer a 503 problem each.
 */
final class BatchGate implements SmartLifecycle {
    private static final String ENTERED = BatchGate.class.getName() + ".entered";

    private final Semaphore permits;
    private volatile boolean running;
    private volatile boolean stopping;

    BatchGate(int maxConcurrentBatches) {
        this.permits = new Semaphore(maxConcurrentBatches);
    }

    /** @return false when the instance is at its limit or stopping: answer 503 and let the CRM retry */
    boolean tryEnter() {
        return !stopping && permits.tryAcquire();
    }

    void leave() {
        permits.release();
    }

    /** Checked between two items of a batch. */
    boolean stopping() {
        return stopping;
    }

    @Override
    public void start() {
        running = true;
        stopping = false;
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown starts waiting for requests in flight. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }

    /**
     * Lets a batch in before its body is read (a refused batch costs no memory) and out when its
     * answer is written; registered on the batch path only.
     */
    static final class Interceptor implements HandlerInterceptor {
        private final BatchGate gate;
        private final int retryAfterSeconds;

        Interceptor(BatchGate gate, int retryAfterSeconds) {
            this.gate = gate;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!"POST".equals(request.getMethod())) {
                return true;
            }
            if (!gate.tryEnter()) {
                throw new ServiceBusyException(gate.stopping() ? "The service is stopping; send the batch again"
                        : "This instance is deciding as many batches as it may at once; send the batch again after Retry-After seconds",
                        retryAfterSeconds);
            }
            request.setAttribute(ENTERED, Boolean.TRUE);
            return true;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (request.getAttribute(ENTERED) != null) {
                request.removeAttribute(ENTERED);
                gate.leave();
            }
        }
    }
}
