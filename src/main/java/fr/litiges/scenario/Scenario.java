package fr.litiges.scenario;

import fr.litiges.decision.api.Complaint;
import java.util.Map;

/**
 * One row of a scenario book: a complaint, the outcomes the analyst expects, and the cell of
 * each expected-value column on this row (also for the blank ones), to name and rewrite them.
 */
record Scenario(String source, String sheet, int row, String name, Complaint complaint, String language,
                Map<Expectation, String> expectations, Map<Expectation, String> expectedCells) {

    String where() {
        return source + ", sheet " + sheet + ", row " + row + " (" + name + ")";
    }
}
