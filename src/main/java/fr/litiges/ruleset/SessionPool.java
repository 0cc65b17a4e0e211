package fr.litiges.ruleset;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The engine sessions of one ruleset, reused from decision to decision: creating a session
 * costs more than resetting one. {@link KieSession#dispose()} on a borrowed session hands it
 * back, reset (its facts, agenda and event listeners cleared), so each decision attaches its own
 * listeners again. The pool is made on first use and retired when its ruleset is swapped out;
 * a ruleset used again after that (a batch that started on it) simply makes a new one.
 */
public final class SessionPool {
    private final KieBase kieBase;
    private volatile KieSessionsPool pool;

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** A session with no facts and no listeners; dispose it to hand it back. */
    public KieSession borrow() {
        KieSessionsPool sessions = pool;
        if (sessions == null) {
            synchronized (this) {
                sessions = pool;
                if (sessions == null) {
                    sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
                    pool = sessions;
                }
            }
        }
        KieSession session = sessions.newKieSession();
        // A reset keeps each activation group's mark of when it last fired, counted in the previous
        // decision's fact numbers: the next decision's first-match tables would then let several rows
        // fire. Forgetting the groups makes them new again (PooledSessionsTest guards this).
        if (session instanceof StatefulKnowledgeSessionImpl engine) {
            engine.getAgenda().getActivationGroupsMap().clear();
        }
        return session;
    }

    /** Disposes the idle sessions; sessions still out are dropped when handed back. */
    synchronized void retire() {
        KieSessionsPool sessions = pool;
        pool = null;
        if (sessions != null) {
            sessions.shutdown();
        }
    }
}
