package fr.litiges.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Shares the processors between single decisions and the items of batches. While a batch runs,
 * every decision takes one of a few permits (one per processor by default) from a fair queue: a batch deciding on
 * every core still lets a single request in after about one decision, and a batch uses the cores
 * that single requests leave idle. A batch's items are decided by the request's own thread and
 * a few helper threads, shared by every batch (the batch gate bounds how many run).
 */
final class DecisionPermits implements AutoCloseable {
    private final Semaphore permits;
    private final int parallelism;
    private final ExecutorService helpers;
    private final AtomicInteger batches = new AtomicInteger();

    DecisionPermits(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one decision at a time, got " + count);
        }
        this.parallelism = count;
        this.permits = new Semaphore(count, true);
        AtomicInteger threads = new AtomicInteger();
        this.helpers = count == 1 ? null : Executors.newFixedThreadPool(count - 1, work -> {
            Thread thread = new Thread(work, "batch-items-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs one decision once a processor is free; the wait is bounded by the decisions in front
     * (each bounded by its time budget). While no batch runs, single requests decide at once: the
     * queue is there to share the processors with a batch, and measured on a shared machine it
     * cost single requests a fifth of their throughput when there was nothing to share.
     */
    <T> T decide(Supplier<T> decision) {
        if (batches.get() == 0) {
            return decision.get();
        }
        permits.acquireUninterruptibly();
        try {
            return decision.get();
        } finally {
            permits.release();
        }
    }

    /**
     * Computes {@code item(0)} to {@code item(count - 1)} on up to {@code parallelism} threads (the
     * caller's included) and returns them in order. Each item is taken once, in order; an item must
     * not throw (a batch turns every failure into that item's error), it takes a permit itself
     * for its decision.
     */
    <R> List<R> inOrder(int count, IntFunction<R> item) {
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                results[i] = item.apply(i);
            }
        };
        Map<String, String> context = MDC.getCopyOfContextMap();
        // From here until every item is done, single requests queue for a permit with the items.
        batches.incrementAndGet();
        List<Helper> helping = new ArrayList<>();
        int extra = helpers == null ? 0 : Math.min(parallelism - 1, count - 1);
        try {
            for (int k = 0; k < extra; k++) {
                Helper helper = new Helper(context, work);
                helpers.execute(helper);
                helping.add(helper);
            }
            work.run();
        } finally {
            helping.forEach(Helper::await);
            batches.decrementAndGet();
        }
        List<R> ordered = new ArrayList<>(count);
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            R r = (R) result;
            ordered.add(r);
        }
        return ordered;
    }

    /**
     * One helper thread's share of a batch. A helper that has not started when the batch's items
     * are all done (its thread busy with another batch) is dropped rather than waited for.
     */
    private static final class Helper implements Runnable {
        private static final int WAITING = 0;
        private static final int WORKING = 1;
        private static final int DROPPED = 2;

        private final Map<String, String> context;
        private final Runnable work;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Throwable failure;

        Helper(Map<String, String> context, Runnable work) {
            this.context = context;
            this.work = work;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(WAITING, WORKING)) {
                return;
            }
            // The request's logging context (request id, client) goes with its items.
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                work.run();
            } catch (Throwable e) {
                failure = e;
            } finally {
                MDC.clear();
                done.countDown();
            }
        }

        void await() {
            if (state.compareAndSet(WAITING, DROPPED)) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    // It is writing into this batch's answer: it must finish first (within one item).
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException("a batch item failed outside its own error handling", failure);
            }
        }
    }

    int parallelism() {
        return parallelism;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
