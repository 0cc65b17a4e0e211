package fr.litiges.scenario;

import fr.litiges.decision.api.Complaint;
import java.util.Map;

/** One row of a scenario book: a complaint and the outcomes the analyst expects. */
record Scenario(String source, String sheet, int row, String name, Complaint complaint, String language,
                Map<Expectation, String> expectations) {

    String where() {
        return source + ", sheet " + sheet + ", row " + row + " (" + name + ")";
    }
}
