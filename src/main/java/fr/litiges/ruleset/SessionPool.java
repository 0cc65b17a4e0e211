package fr.litiges.ruleset;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.drools.core.common.InternalActivationGroup;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * The engine sessions of one ruleset, reused from one decision to the next. A decision borrows a
 * session, uses it on its thread alone, and gives it back clean, or discards it when the decision
 * failed (a rule threw, or the firing cap or time budget stopped it: its state is not trusted).
 * At most {@code maxIdle} sessions wait here; more are made when needed and disposed of on return.
 * <p>
 * The pool lives and dies with its ruleset: a reload swaps in a new ruleset with its own pool,
 * decisions still running on the old one give their sessions back to it, and the old pool and
 * its idle sessions are collected with the ruleset (the sessions are not registered with their
 * rule base and start no thread, so nothing else holds them). Nothing is ever closed while in use.
 * <p>
 * Why not {@code KieBase.newKieSessionsPool}: its sessions reset themselves on {@code dispose()},
 * and Drools 10's reset leaves activation groups unusable (below); here the reset is ours, and a
 * failed session can be dropped instead of reset.
 */
public final class SessionPool {
    /** Enough for every decision that can run at once (one per processor over HTTP, plus batch helpers and slack). */
    static final int DEFAULT_MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final BlockingQueue<KieSession> idle;

    SessionPool(KieBase kieBase, int maxIdle) {
        this.kieBase = kieBase;
        this.idle = maxIdle > 0 ? new ArrayBlockingQueue<>(maxIdle) : null;
    }

    /** A session with no facts, no listeners and every activation group open; for the calling thread only until given back. */
    public KieSession borrow() {
        KieSession session = idle == null ? null : idle.poll();
        return session != null ? session : kieBase.newKieSession(Sessions.ONE_THREAD, null);
    }

    /**
     * Takes back a session whose decision ended normally: emptied as a new one would be, and kept
     * if there is room. The caller has removed its listeners (the reset drops any left over).
     */
    public void giveBack(KieSession session) {
        if (idle == null) {
            session.dispose();
            return;
        }
        try {
            clear(session);
        } catch (RuntimeException e) {
            session.dispose();
            return;
        }
        if (!idle.offer(session)) {
            session.dispose();
        }
    }

    /** Gives back a session after its decision or plan, or drops it when that failed half-way. */
    public void release(KieSession session, boolean failed) {
        if (failed) {
            discard(session);
        } else {
            giveBack(session);
        }
    }

    /** Drops a session whose decision failed half-way: whatever state it is in never serves again. */
    public void discard(KieSession session) {
        session.dispose();
    }

    /** How many sessions wait to be reused. */
    public int idle() {
        return idle == null ? 0 : idle.size();
    }

    /**
     * Empties a session as if new. Drools 10's {@code reset()} first resets the agenda, which marks
     * every activation group as fired "up to" the fact-handle counter's current recency (the last
     * fact of the decision that just ended), and only then restarts that counter at 0. The agenda
     * then refuses a group's later matches only from facts more recent than the mark, so in the next
     * decision matches on its first facts would escape their group and a first-match table would
     * fire several rows. A new session's groups carry no mark (0), which is restored here.
     */
    private static void clear(KieSession session) {
        StatefulKnowledgeSessionImpl engine = (StatefulKnowledgeSessionImpl) session;
        engine.reset();
        for (InternalActivationGroup group : engine.getAgenda().getActivationGroupsMap().values()) {
            group.setTriggeredForRecency(0);
        }
    }

    /** Holder: one configuration for every session, read only. */
    private static final class Sessions {
        /** For one thread at a time (no locks on the propagation queue) and not remembered by the rule base, never changed in place. */
        static final KieSessionConfiguration ONE_THREAD = oneThread();

        private static KieSessionConfiguration oneThread() {
            KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
            configuration.setOption(ThreadSafeOption.NO);
            configuration.setOption(KeepReferenceOption.NO);
            return configuration;
        }
    }
}
