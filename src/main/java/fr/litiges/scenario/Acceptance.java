package fr.litiges.scenario;

import fr.litiges.ruleset.RuleProblem;
import java.util.List;
import java.util.Map;

/**
 * The scenario books rewritten to follow a deliberate change of the rules: for each book with a
 * changed result, its new bytes (a copy; the original is never written), every expected value
 * changed, for review, and the problems no rewrite can settle (a scenario that cannot be decided
 * or read).
 *
 * @param books   new content by source path ("scenarios/politique-par-defaut.xlsx")
 */
public record Acceptance(Map<String, byte[]> books, List<Change> changes, List<RuleProblem> remaining) {

    /** Where {@code validate --accept} writes the copies, under the scenarios folder's parent. */
    public static final String FOLDER = "scenarios-acceptes";

    public Acceptance {
        books = Map.copyOf(books);
        changes = List.copyOf(changes);
        remaining = List.copyOf(remaining);
    }

    /** One expected value rewritten: where, which column, which scenario, before and after. */
    public record Change(String source, String sheet, int row, String cell, String column, String scenario, String before, String after) {

        @Override
        public String toString() {
            return source + ", feuille " + sheet + ", cellule " + cell + " (" + column + ", « " + scenario + " ») : "
                    + before + " → " + (after.isEmpty() ? "(vide)" : after);
        }
    }
}
