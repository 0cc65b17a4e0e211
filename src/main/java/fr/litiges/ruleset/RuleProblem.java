package fr.litiges.ruleset;

/**
 * Something wrong in an analyst's file, located in the analyst's own terms: the file, and
 * either the line of a DRL file or the sheet and 1-based row (and cell, when known) of a table.
 */
public record RuleProblem(String source, String sheet, Integer row, String cell, Integer line, String message) {

    static RuleProblem inFile(String source, String message) {
        return new RuleProblem(source, null, null, null, null, message);
    }

    static RuleProblem atLine(String source, Integer line, String message) {
        return new RuleProblem(source, null, null, null, line == null || line <= 0 ? null : line, message);
    }

    static RuleProblem atRow(String source, String sheet, Integer row, String cell, String message) {
        return new RuleProblem(source, sheet, row, cell, null, message);
    }

    /** A problem with a row of an analyst's scenario book. */
    public static RuleProblem ofScenario(String source, String sheet, Integer row, String message) {
        return new RuleProblem(source, sheet, row, null, null, message);
    }

    /** "decision-tables/routing.xlsx, sheet Départements, row 12 (cell C12): message". */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(source == null ? "(ruleset)" : source);
        if (sheet != null) {
            where.append(", sheet ").append(sheet);
        }
        if (row != null) {
            where.append(", row ").append(row);
        }
        if (cell != null) {
            where.append(" (cell ").append(cell).append(')');
        }
        if (line != null) {
            where.append(", line ").append(line);
        }
        return where.append(": ").append(message).toString();
    }

    /** The innermost message of a failure: what went wrong, without the wrappers' words. */
    public static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null ? cause.getClass().getSimpleName() : message.strip();
    }
}
