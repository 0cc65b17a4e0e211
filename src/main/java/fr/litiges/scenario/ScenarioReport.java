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
     * The rules no scenario fired, grouped by file and sheet (one table per sheet), with compact
     * row ranges and the rows' IDs ("decision-tables/causes.xlsx, feuille Motifs CRM : 9 lignes
     * (9-40, 42-120, ...) ; ID : IND-0001, ..."), then the DRL rules by file and line. French.
     */
    public List<String> coverageLines() {
        Map<String, List<RuleOrigin>> tableRows = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (RuleOrigin origin : notFired) {
            if (origin.sheet() != null) {
                tableRows.computeIfAbsent(origin.source() + ", feuille " + origin.sheet(), k -> new ArrayList<>()).add(origin);
            } else {
                lines.add(origin.source() + ", ligne " + origin.line() + " : règle « " + origin.ruleName() + " »");
            }
        }
        tableRows.forEach((where, origins) -> lines.add(where + " : " + describe(origins)));
        lines.sort(String::compareTo);
        return lines;
    }

    /** The same, one problem per table, to list with a refusal: untested rows should not go live unseen. */
    public List<RuleProblem> coverageProblems() {
        Map<String, List<RuleOrigin>> tables = new TreeMap<>();
        for (RuleOrigin origin : notFired) {
            if (origin.sheet() != null) {
                tables.computeIfAbsent(origin.source() + '\u0000' + origin.sheet(), k -> new ArrayList<>()).add(origin);
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        tables.forEach((key, origins) -> problems.add(new RuleProblem(origins.get(0).source(), origins.get(0).sheet(), null, null, null,
                "pour information, lignes qu'aucun scénario ne couvre : " + describe(origins),
                "for information, rows no scenario covers: " + describe(origins).replace("lignes", "rows").replace("ligne", "row"))));
        return problems;
    }

    private static String describe(List<RuleOrigin> origins) {
        List<Integer> rows = origins.stream().map(RuleOrigin::row).filter(java.util.Objects::nonNull).toList();
        List<String> ids = origins.stream().sorted(java.util.Comparator.comparing(o -> o.row() == null ? 0 : o.row()))
                .map(RuleOrigin::ruleId).toList();
        String idList = ids.size() <= 20 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 20)) + ", …";
        return rows.size() + (rows.size() == 1 ? " ligne (" : " lignes (") + (rows.isEmpty() ? "" : ranges(rows)) + ") ; ID : " + idList;
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
