package fr.litiges.scenario;

import fr.litiges.ruleset.RuleOrigin;
import fr.litiges.ruleset.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of running every scenario on one ruleset: how many ran and passed, every
 * failure located in its scenario book, and the rules that no scenario fired.
 */
public record ScenarioReport(int scenarios, int passed, List<RuleProblem> problems, List<RuleOrigin> notFired) {

    public ScenarioReport {
        problems = List.copyOf(problems);
        notFired = List.copyOf(notFired);
    }

    public boolean allPassed() {
        return problems.isEmpty();
    }

    /**
     * The rules no scenario fired, grouped by file and sheet with compact row ranges
     * ("decision-tables/causes.xlsx, sheet Indices: 812 rows (9-40, 42-120, ...)").
     */
    public List<String> coverageLines() {
        Map<String, List<Integer>> tableRows = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (RuleOrigin origin : notFired) {
            if (origin.sheet() != null) {
                tableRows.computeIfAbsent(origin.source() + ", sheet " + origin.sheet(), k -> new ArrayList<>()).add(origin.row());
            } else {
                lines.add(origin.source() + ", line " + origin.line() + ": rule \"" + origin.ruleName() + "\"");
            }
        }
        tableRows.forEach((where, rows) -> lines.add(where + ": " + rows.size() + (rows.size() == 1 ? " row (" : " rows (") + ranges(rows) + ")"));
        lines.sort(String::compareTo);
        return lines;
    }

    private static String ranges(List<Integer> rows) {
        List<Integer> sorted = rows.stream().sorted().toList();
        StringBuilder out = new StringBuilder();
        int start = sorted.get(0);
        int previous = start;
        for (int i = 1; i <= sorted.size(); i++) {
            Integer current = i < sorted.size() ? sorted.get(i) : null;
            if (current != null && current == previous + 1) {
                previous = current;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(start == previous ? String.valueOf(start) : start + "-" + previous);
            if (current != null) {
                start = current;
                previous = current;
            }
        }
        return out.toString();
    }
}
