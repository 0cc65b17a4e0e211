package fr.litiges.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The changes between two sets of analyst files, each keyed by its path in the ruleset
 * ({@code decision-tables/resolution.xlsx}, {@code rules/causes.drl}, {@code scenarios/book.xlsx}):
 * for a workbook the data rows added, removed or modified (see {@link WorkbookDiff}), for a DRL
 * file the rules added, removed or modified (see {@link DrlDiff}). A file that cannot be read
 * is still listed, without detail.
 */
public final class RulesetDiff {
    private RulesetDiff() {
    }

    public static List<Change> between(Map<String, byte[]> before, Map<String, byte[]> after) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            byte[] old = before.get(path);
            byte[] now = after.get(path);
            if (old != null && now != null && Arrays.equals(old, now)) {
                continue;
            }
            Change.Kind kind = old == null ? Change.Kind.ADDED : now == null ? Change.Kind.REMOVED : Change.Kind.MODIFIED;
            changes.add(detail(path, kind, old, now));
        }
        return changes;
    }

    private static Change detail(String path, Change.Kind kind, byte[] old, byte[] now) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return new Change(path, kind, WorkbookDiff.rows(old, now), List.of());
        }
        if (lower.endsWith(".drl")) {
            List<Change.RuleChange> rules = DrlDiff.rules(old, now);
            return new Change(path, kind, List.of(), rules == null ? List.of() : rules);
        }
        return new Change(path, kind, List.of(), List.of());
    }
}
