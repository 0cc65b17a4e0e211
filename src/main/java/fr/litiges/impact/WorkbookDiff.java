package fr.litiges.impact;

import fr.litiges.ruleset.SpreadsheetLimits;
import fr.litiges.text.TextTables;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * The data rows added, removed or modified between two versions of an analyst's workbook, by
 * sheet and 1-based row, with their cells keyed by column heading. Rows are matched by content,
 * never by position, so inserting or deleting a row leaves the rows around it unchanged.
 *
 * <p>A workbook is read as regions: each decision table ("RuleTable name", four rows of
 * column types, objects, code and headings, then its rules), each scenario sheet (a heading row
 * starting with "Scénario", then one scenario per row), each text sheet (Concepts, Synonymes, Motifs
 * de texte: a heading row with an ID column, then one row each), and everything else in the sheet (titles,
 * RuleSet/Import lines, the code rows of a table), whose cells are keyed by column letter.
 */
final class WorkbookDiff {
    private static final String TABLE_ANCHOR = "ruletable";
    private static final String SCENARIO_HEADING = "Scénario";
    /** Heading of the stable row identity column, when a table has one. */
    private static final Set<String> ID_HEADINGS = Set.of("id", "identifiant");
    /** Sheets of the text tables, whose rows are keyed by their ID column like a table's. */
    private static final Set<String> TEXT_SHEETS = Set.of(TextTables.CONCEPTS, TextTables.SYNONYMS, TextTables.PATTERNS);
    private static final Set<String> CONDITION_TYPES = Set.of("CONDITION", "C");
    /** Beyond this many unmatched row pairs, rows are not paired by similarity (a pasted-over sheet). */
    private static final long MAX_PAIRS = 4_000_000L;
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    private WorkbookDiff() {
    }

    /** The row changes from {@code before} to {@code after}; either may be null (file added or removed). */
    static List<Change.RowChange> rows(byte[] before, byte[] after) {
        Map<String, Region> old = read(before);
        Map<String, Region> now = read(after);
        List<Change.RowChange> changes = new ArrayList<>();
        List<String> keys = new ArrayList<>(now.keySet());
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(keys::add);
        for (String key : keys) {
            Region a = old.get(key);
            Region b = now.get(key);
            Region shape = b != null ? b : a;
            changes.addAll(diff(shape, a == null ? List.of() : a.lines(), b == null ? List.of() : b.lines()));
        }
        Map<String, Integer> sheetOrder = new HashMap<>();
        for (String key : keys) {
            sheetOrder.putIfAbsent(sheetOf(key), sheetOrder.size());
        }
        changes.sort(Comparator.comparing((Change.RowChange c) -> sheetOrder.getOrDefault(c.sheet(), Integer.MAX_VALUE))
                .thenComparingInt(Change.RowChange::row)
                .thenComparing(c -> c.change() == Change.Kind.REMOVED ? 0 : 1));
        return changes;
    }

    /** One line of a region: its 1-based row and its non-blank cells by heading, in column order. */
    record Line(int row, Map<String, Object> cells) {
    }

    /** A region of a sheet: its rows, the column whose value identifies a row (or null), and the key columns. */
    record Region(String sheet, String keyColumn, Set<String> keyColumns, List<Line> lines) {
    }

    private static String sheetOf(String regionKey) {
        return regionKey.substring(0, regionKey.indexOf('\u0000'));
    }

    static Map<String, Region> read(byte[] bytes) {
        Map<String, Region> regions = new LinkedHashMap<>();
        if (bytes == null || SpreadsheetLimits.checkSize(bytes.length) != null) {
            return regions;
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (SpreadsheetLimits.checkRows(workbook) != null) {
                return regions;
            }
            for (Sheet sheet : workbook) {
                readSheet(sheet, regions);
            }
        } catch (Exception e) {
            // An unreadable workbook has no rows to compare; the file is still listed as changed.
            return new LinkedHashMap<>();
        }
        return regions;
    }

    private static void readSheet(Sheet sheet, Map<String, Region> into) {
        String name = sheet.getSheetName();
        List<Line> layout = new ArrayList<>();
        Region table = null;
        List<Line> tableLines = null;
        Map<Integer, String> headings = null;
        int headingRow = -1;
        int skipUntil = -1;
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String first = firstText(row);
            if (first != null && first.toLowerCase(Locale.ROOT).startsWith(TABLE_ANCHOR)) {
                // A decision table: its name, then column types, objects, code and headings.
                String tableName = first.substring(TABLE_ANCHOR.length()).trim();
                int anchorColumn = firstColumn(row);
                headingRow = r + 4;
                Row typesRow = sheet.getRow(r + 1);
                Row headingCells = sheet.getRow(headingRow);
                headings = headings(headingCells, anchorColumn);
                java.util.Set<String> conditions = new java.util.HashSet<>();
                if (typesRow != null) {
                    for (Map.Entry<Integer, String> h : headings.entrySet()) {
                        Cell type = typesRow.getCell(h.getKey());
                        if (type != null && CONDITION_TYPES.contains(FORMATTER.formatCellValue(type).trim().toUpperCase(Locale.ROOT))) {
                            conditions.add(h.getValue());
                        }
                    }
                }
                tableLines = new ArrayList<>();
                table = new Region(name, idColumn(headings), Set.copyOf(conditions), tableLines);
                into.put(name + '\u0000' + "table " + tableName, table);
                addLayout(layout, row, r);
                skipUntil = headingRow;
                continue;
            }
            if (table == null && SCENARIO_HEADING.equalsIgnoreCase(text(row.getCell(0)))) {
                headings = headings(row, 0);
                headingRow = r;
                tableLines = new ArrayList<>();
                String id = idColumn(headings);
                String key = id != null ? id : text(row.getCell(0));
                table = new Region(name, key, Set.of(key), tableLines);
                into.put(name + '\u0000' + "scenarios", table);
                addLayout(layout, row, r);
                continue;
            }
            if (table == null && TEXT_SHEETS.contains(name) && idColumn(headings(row, 0)) != null) {
                // The analysts' text sheets: a heading row with an ID column, then one concept, synonym or pattern per row.
                headings = headings(row, 0);
                headingRow = r;
                tableLines = new ArrayList<>();
                String id = idColumn(headings);
                table = new Region(name, id, Set.of(id), tableLines);
                into.put(name + '\u0000' + "rows", table);
                addLayout(layout, row, r);
                continue;
            }
            if (r <= skipUntil || tableLines == null) {
                addLayout(layout, row, r);
                continue;
            }
            Map<String, Object> cells = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> h : headings.entrySet()) {
                Object value = value(row.getCell(h.getKey()));
                if (value != null) {
                    cells.put(h.getValue(), value);
                }
            }
            if (!cells.isEmpty()) {
                tableLines.add(new Line(r + 1, cells));
            } else {
                addLayout(layout, row, r);
            }
        }
        if (!layout.isEmpty()) {
            into.put(name + '\u0000' + "layout", new Region(name, null, Set.of(), layout));
        }
    }

    /** A row outside any table's data, keyed by column letter. */
    private static void addLayout(List<Line> layout, Row row, int r) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Cell cell : row) {
            Object value = value(cell);
            if (value != null) {
                cells.put(CellReference.convertNumToColString(cell.getColumnIndex()), value);
            }
        }
        if (!cells.isEmpty()) {
            layout.add(new Line(r + 1, cells));
        }
    }

    private static String idColumn(Map<Integer, String> headings) {
        return headings.values().stream().filter(h -> ID_HEADINGS.contains(h.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    /** Column index to heading; a blank or repeated heading is named after its column letter. */
    private static Map<Integer, String> headings(Row row, int fromColumn) {
        Map<Integer, String> headings = new LinkedHashMap<>();
        if (row == null) {
            return headings;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Cell cell : row) {
            if (cell.getColumnIndex() < fromColumn) {
                continue;
            }
            String heading = text(cell);
            String letter = CellReference.convertNumToColString(cell.getColumnIndex());
            if (heading.isEmpty()) {
                continue;
            }
            headings.put(cell.getColumnIndex(), seen.add(heading) ? heading : heading + " (" + letter + ")");
        }
        return headings;
    }

    private static String firstText(Row row) {
        for (Cell cell : row) {
            String text = text(cell);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    private static int firstColumn(Row row) {
        for (Cell cell : row) {
            if (!text(cell).isEmpty()) {
                return cell.getColumnIndex();
            }
        }
        return 0;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : FORMATTER.formatCellValue(cell).trim();
    }

    /** The cell as an analyst reads it: a number, true/false, a date as 2026-11-20, or text; null when blank. */
    static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    return cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                    return number.longValueExact();
                }
                return number;
            }
            case BOOLEAN -> {
                return cell.getBooleanCellValue();
            }
            case STRING -> {
                String text = cell.getStringCellValue().trim();
                return text.isEmpty() ? null : text;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Pairs the rows of one region: first by identity column, then identical rows in order (the
     * longest common subsequence, so only what moved or changed is left), then the remaining rows
     * by likeness. A row moved in a table where "the first matching row applies" is thus shown
     * removed at its old place and added at its new one, since its order matters there.
     */
    static List<Change.RowChange> diff(Region shape, List<Line> before, List<Line> after) {
        List<Change.RowChange> changes = new ArrayList<>();
        boolean[] usedBefore = new boolean[before.size()];
        boolean[] usedAfter = new boolean[after.size()];

        if (shape.keyColumn() != null) {
            Map<Object, Integer> uniqueBefore = uniqueKeys(before, shape.keyColumn());
            Map<Object, Integer> uniqueAfter = uniqueKeys(after, shape.keyColumn());
            List<int[]> pairs = new ArrayList<>();
            uniqueAfter.forEach((key, j) -> {
                Integer i = uniqueBefore.get(key);
                if (i != null) {
                    pairs.add(new int[]{i, j});
                }
            });
            pairs.sort(java.util.Comparator.comparingInt(pair -> pair[1]));
            boolean[] kept = keptInOrder(pairs);
            for (int k = 0; k < pairs.size(); k++) {
                int i = pairs.get(k)[0];
                int j = pairs.get(k)[1];
                usedBefore[i] = true;
                usedAfter[j] = true;
                if (!kept[k]) {
                    // moved: where the first matching row applies, its place is part of its meaning
                    changes.add(new Change.RowChange(shape.sheet(), before.get(i).row(), Change.Kind.REMOVED, before.get(i).cells(), null));
                    changes.add(new Change.RowChange(shape.sheet(), after.get(j).row(), Change.Kind.ADDED, null, after.get(j).cells()));
                } else if (!sameCells(before.get(i), after.get(j))) {
                    changes.add(modified(shape.sheet(), before.get(i), after.get(j)));
                }
            }
        }

        List<Integer> restBefore = unused(usedBefore);
        List<Integer> restAfter = unused(usedAfter);
        for (int[] pair : commonSubsequence(before, restBefore, after, restAfter)) {
            usedBefore[pair[0]] = true;
            usedAfter[pair[1]] = true;
        }

        restBefore = unused(usedBefore);
        restAfter = unused(usedAfter);
        if ((long) restBefore.size() * restAfter.size() <= MAX_PAIRS) {
            List<double[]> candidates = new ArrayList<>();
            for (int i : restBefore) {
                for (int j : restAfter) {
                    double likeness = likeness(before.get(i), after.get(j), shape.keyColumns());
                    if (likeness >= 0.5 && likeness < 1.0) {
                        candidates.add(new double[]{likeness, -Math.abs(before.get(i).row() - after.get(j).row()), i, j});
                    }
                }
            }
            candidates.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(y[1], x[1]));
            for (double[] candidate : candidates) {
                int i = (int) candidate[2];
                int j = (int) candidate[3];
                if (!usedBefore[i] && !usedAfter[j]) {
                    usedBefore[i] = true;
                    usedAfter[j] = true;
                    changes.add(modified(shape.sheet(), before.get(i), after.get(j)));
                }
            }
        }

        for (int i : unused(usedBefore)) {
            changes.add(new Change.RowChange(shape.sheet(), before.get(i).row(), Change.Kind.REMOVED, before.get(i).cells(), null));
        }
        for (int j : unused(usedAfter)) {
            changes.add(new Change.RowChange(shape.sheet(), after.get(j).row(), Change.Kind.ADDED, null, after.get(j).cells()));
        }
        return changes;
    }

    /**
     * Of rows matched by their ID (sorted by their new place), those that kept their order: the
     * longest run increasing in the old place (patience sorting, n log n). The others moved.
     */
    private static boolean[] keptInOrder(List<int[]> pairs) {
        int n = pairs.size();
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int k = 0; k < n; k++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (pairs.get(tails[middle])[0] < pairs.get(k)[0]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[k] = low > 0 ? tails[low - 1] : -1;
            tails[low] = k;
            length = Math.max(length, low + 1);
        }
        boolean[] kept = new boolean[n];
        for (int k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k]) {
            kept[k] = true;
        }
        return kept;
    }

    private static Change.RowChange modified(String sheet, Line before, Line after) {
        return new Change.RowChange(sheet, after.row(), Change.Kind.MODIFIED, before.cells(), after.cells());
    }

    private static Map<Object, Integer> uniqueKeys(List<Line> lines, String column) {
        Map<Object, Integer> first = new HashMap<>();
        Set<Object> repeated = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Object key = lines.get(i).cells().get(column);
            if (key != null && first.putIfAbsent(key, i) != null) {
                repeated.add(key);
            }
        }
        repeated.forEach(first::remove);
        return first;
    }

    private static List<Integer> unused(boolean[] used) {
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                rest.add(i);
            }
        }
        return rest;
    }

    private static boolean sameCells(Line a, Line b) {
        return a.cells().equals(b.cells());
    }

    /**
     * Identical rows kept in the same order. Common leading and trailing rows are paired first;
     * the middle by the classic dynamic programme, or, when it is too large, by equal content alone.
     */
    private static List<int[]> commonSubsequence(List<Line> before, List<Integer> a, List<Line> after, List<Integer> b) {
        List<int[]> pairs = new ArrayList<>();
        int start = 0;
        while (start < a.size() && start < b.size() && sameCells(before.get(a.get(start)), after.get(b.get(start)))) {
            pairs.add(new int[]{a.get(start), b.get(start)});
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && sameCells(before.get(a.get(endA - 1)), after.get(b.get(endB - 1)))) {
            endA--;
            endB--;
            pairs.add(new int[]{a.get(endA), b.get(endB)});
        }
        int n = endA - start;
        int m = endB - start;
        if (n == 0 || m == 0) {
            return pairs;
        }
        if ((long) n * m > MAX_PAIRS) {
            Map<Map<String, Object>, List<Integer>> byContent = new HashMap<>();
            for (int i = start; i < endA; i++) {
                byContent.computeIfAbsent(before.get(a.get(i)).cells(), k -> new ArrayList<>()).add(a.get(i));
            }
            for (int j = start; j < endB; j++) {
                List<Integer> same = byContent.get(after.get(b.get(j)).cells());
                if (same != null && !same.isEmpty()) {
                    pairs.add(new int[]{same.remove(0), b.get(j)});
                }
            }
            return pairs;
        }
        int[][] lengths = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lengths[i][j] = sameCells(before.get(a.get(start + i)), after.get(b.get(start + j)))
                        ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (sameCells(before.get(a.get(start + i)), after.get(b.get(start + j)))) {
                pairs.add(new int[]{a.get(start + i), b.get(start + j)});
                i++;
                j++;
            } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }

    /** Share of the filled cells two rows have in common; key columns (conditions, identity) count double. */
    private static double likeness(Line a, Line b, Set<String> keyColumns) {
        java.util.Set<String> columns = new java.util.LinkedHashSet<>(a.cells().keySet());
        columns.addAll(b.cells().keySet());
        double total = 0;
        double same = 0;
        for (String column : columns) {
            double weight = keyColumns.contains(column) ? 2 : 1;
            total += weight;
            if (Objects.equals(a.cells().get(column), b.cells().get(column))) {
                same += weight;
            }
        }
        return total == 0 ? 0 : same / total;
    }
}
