package fr.litiges.ruleset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * Reads the answers the rules left in a session through one of the engine's queries, in the
 * order the rules inserted them (the order of their fact handles), so that lists such as a
 * table's actions keep the table's row order. Decisions and prevention plans both read their
 * answers this way.
 */
public final class QueryAnswers {
    /** Handle numbers go in the high bits of one long, the row's index in the low 20 bits: one sort of longs. */
    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private QueryAnswers() {
    }

    /** The objects bound to {@code variable} by the query's rows, in insertion order. */
    public static <T> List<T> inInsertionOrder(KieSession session, String query, String variable) {
        return read(session, query, variable, false);
    }

    /**
     * The same, then taking the answers out of the session: for answers that do not say which
     * question they answer, read before the next question is asked.
     */
    public static <T> List<T> take(KieSession session, String query, String variable) {
        return read(session, query, variable, true);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> read(KieSession session, String query, String variable, boolean take) {
        QueryResults results = session.getQueryResults(query);
        int size = results.size();
        if (size > INDEX_MASK) {
            throw new IllegalStateException("query '" + query + "' found " + size + " answers, more than one reading can order");
        }
        Object[] objects = new Object[size];
        FactHandle[] handles = new FactHandle[size];
        long[] order = new long[size];
        int i = 0;
        for (QueryResultsRow row : results) {
            FactHandle handle = row.getFactHandle(variable);
            order[i] = ((InternalFactHandle) handle).getId() << INDEX_BITS | i;
            handles[i] = handle;
            objects[i++] = row.get(variable);
        }
        Arrays.sort(order);
        List<T> found = new ArrayList<>(size);
        for (long key : order) {
            found.add((T) objects[(int) (key & INDEX_MASK)]);
        }
        if (take) {
            for (long key : order) {
                session.delete(handles[(int) (key & INDEX_MASK)]);
            }
        }
        return found;
    }
}
