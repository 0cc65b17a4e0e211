package fr.litiges.impact;

import java.util.List;
import java.util.Map;

/**
 * What changed in one analyst file between two rulesets ({@code ../shared/rulesets-api.md}, "Change"):
 * for a workbook the data rows added, removed or modified, keyed by their column headings; for a
 * DRL file the rules added, removed or modified, by name.
 */
public record Change(String path, Kind kind, List<RowChange> rows, List<RuleChange> rules) {

    public enum Kind { ADDED, REMOVED, MODIFIED }

    public Change {
        rows = List.copyOf(rows);
        rules = List.copyOf(rules);
    }

    /** One data row of a sheet; {@code before} is null for an added row, {@code after} for a removed one. */
    public record RowChange(String sheet, int row, Kind change, Map<String, Object> before, Map<String, Object> after) {
    }

    /** One rule of a DRL file, by name; {@code line} is where it stands in the newer file (the older one if removed). */
    public record RuleChange(String name, Kind change, Integer line) {
    }
}
