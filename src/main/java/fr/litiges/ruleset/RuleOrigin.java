package fr.litiges.ruleset;

/**
 * Where a compiled rule comes from: a DRL file and line, or a spreadsheet's sheet and row,
 * so that a decision's trace sends the analyst to the exact place to read or change.
 */
public record RuleOrigin(String ruleId, String ruleName, String source, String sheet, Integer row, Integer line) {

    boolean fromTable() {
        return sheet != null;
    }

    /** For English messages: 'name' (file, sheet S, row R) or 'name' (file, line L). */
    public String describe() {
        return name("'" + ruleName + "'", ", sheet ", ", row ", ", line ");
    }

    /** For the analysts' French messages: la règle « name » (fichier, feuille S, ligne R). */
    public String describeFrench() {
        return name("la règle « " + ruleName + " »", ", feuille ", ", ligne ", ", ligne ");
    }

    private String name(String rule, String sheetWord, String rowWord, String lineWord) {
        if (source == null) {
            return rule;
        }
        String place = sheet != null ? sheetWord + sheet + rowWord + row : line != null ? lineWord + line : "";
        return rule + " (" + source + place + ")";
    }
}
