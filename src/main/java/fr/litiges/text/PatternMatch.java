package fr.litiges.text;

import java.util.List;

/**
 * A pattern row of the analysts' text tables found in the customer's own words: the sub-cause
 * it points to, its weight, the customer's words that counted (as written) and the rows behind
 * it, for the evidence and the trace.
 *
 * @param start char offset of the first word that counted, {@code end} after the last one
 * @param concepts the concept rows that matched, e.g. "FACTURE (CON-007, Concepts, row 7: «facture» as «facturé»)"
 */
public record PatternMatch(String subCause, double weight, String quote, int start, int end,
                           TableRow pattern, String patternText, List<String> concepts) {

    /**
     * Where a row of the analysts' text tables is: file, sheet, 1-based row, and its ID (the sheet's
     * ID column; null only for rows built without one, e.g. in tests).
     */
    public record TableRow(String source, String sheet, int row, String id) {
        public TableRow(String source, String sheet, int row) {
            this(source, sheet, row, null);
        }

        /** What names the row in the trace: its ID, which inserting or deleting other rows does not change. */
        public String ruleId() {
            return id != null ? id : sheet + "_" + row;
        }
    }

    public PatternMatch {
        concepts = List.copyOf(concepts);
    }
}
