package fr.litiges.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The changes between two sets of analyst files, each keyed by its path in the ruleset
 * ({@code decision-tables/resolution.xlsx}, {@code rules/causes.drl}, {@code scenarios/book.xlsx}).
 * For now a changed file is listed whole; row- and rule-level detail comes with the diff work.
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
            if (old == null) {
                changes.add(new Change(path, Change.Kind.ADDED, List.of(), List.of()));
            } else if (now == null) {
                changes.add(new Change(path, Change.Kind.REMOVED, List.of(), List.of()));
            } else if (!Arrays.equals(old, now)) {
                changes.add(new Change(path, Change.Kind.MODIFIED, List.of(), List.of()));
            }
        }
        return changes;
    }
}
