package fr.litiges.ruleset;

/**
 * Where a compiled rule comes from: a DRL file and line, or a spreadsheet's sheet and row,
 * so that a decision's trace sends the analyst to the exact place to read or change.
 */
public record RuleOrigin(String ruleId, String ruleName, String source, String sheet, Integer row, Integer line) {

    boolean fromTable() {
        return sheet != null;
    }
}
