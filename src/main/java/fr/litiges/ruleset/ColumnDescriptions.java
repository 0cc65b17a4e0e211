package fr.litiges.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * What the analysts wrote about their columns, next to their tables: the sheet {@value #SHEET}
 * of each workbook (table, column heading, type, required, allowed values, meaning), and the
 * sheet {@value #LISTS} of the code lists they maintain themselves (such as actions). The
 * loader checks every cell against them before anything is compiled.
 */
final class ColumnDescriptions {
    static final String SHEET = "Colonnes";
    static final String LISTS = "Listes";
    static final List<String> HEADINGS = List.of("Table", "Colonne", "Type", "Obligatoire", "Valeurs permises", "Signification");
    static final List<String> LIST_HEADINGS = List.of("Liste", "Code", "Signification");

    /** One described column; {@code row} is the 1-based row of its description. */
    record Column(String table, String heading, String type, boolean required, String allowed, String meaning, int row) {
    }

    private final Map<String, Column> columns;
    private final Map<String, Set<String>> lists;
    private final Map<String, String> listNames;

    private ColumnDescriptions(Map<String, Column> columns, Map<String, Set<String>> lists, Map<String, String> listNames) {
        this.columns = columns;
        this.lists = lists;
        this.listNames = listNames;
    }

    static boolean isDescriptionSheet(String sheetName) {
        String key = TableLayout.key(sheetName);
        return key.equals(TableLayout.key(SHEET)) || key.equals(TableLayout.key(LISTS));
    }

    static ColumnDescriptions of(Workbook workbook) {
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        Map<String, String> listNames = new HashMap<>();
        for (Sheet sheet : workbook) {
            String key = TableLayout.key(sheet.getSheetName());
            if (key.equals(TableLayout.key(SHEET))) {
                for (Map<String, String> line : rows(sheet, HEADINGS)) {
                    Column column = new Column(line.get("table"), line.get("colonne"), line.get("type"),
                            isYes(line.get("obligatoire")), line.get("valeurspermises"), line.get("signification"),
                            Integer.parseInt(line.get("#row")));
                    if (!column.table().isEmpty() && !column.heading().isEmpty()) {
                        columns.putIfAbsent(TableLayout.key(column.table()) + '/' + TableLayout.key(column.heading()), column);
                    }
                }
            } else if (key.equals(TableLayout.key(LISTS))) {
                for (Map<String, String> line : rows(sheet, LIST_HEADINGS)) {
                    String list = line.get("liste");
                    String code = line.get("code");
                    if (!list.isEmpty() && !code.isEmpty()) {
                        lists.computeIfAbsent(TableLayout.key(list), k -> new LinkedHashSet<>()).add(code);
                        listNames.putIfAbsent(TableLayout.key(list), list);
                    }
                }
            }
        }
        return new ColumnDescriptions(columns, lists, listNames);
    }

    /** The description of a column, looked up by table name or by sheet name. */
    Column find(TableLayout table, String heading) {
        Column byTable = columns.get(TableLayout.key(table.name()) + '/' + TableLayout.key(heading));
        return byTable != null ? byTable : columns.get(TableLayout.key(table.sheet()) + '/' + TableLayout.key(heading));
    }

    /** The codes of an analysts' list, or null. */
    Set<String> list(String name) {
        return lists.get(TableLayout.key(name));
    }

    String listName(String name) {
        return listNames.getOrDefault(TableLayout.key(name), name);
    }

    static boolean isYes(String text) {
        String key = TableLayout.key(text);
        return key.equals("oui") || key.equals("yes") || key.equals("true") || key.equals("vrai") || key.equals("x") || key.equals("o");
    }

    /** The rows under a sheet's heading row (the first row whose first cell is the first heading), keyed by heading. */
    private static List<Map<String, String>> rows(Sheet sheet, List<String> headings) {
        List<Map<String, String>> found = new ArrayList<>();
        Map<Integer, String> columns = null;
        for (Row row : sheet) {
            if (columns == null) {
                if (TableLayout.key(TableLayout.text(row.getCell(0))).equals(TableLayout.key(headings.get(0)))) {
                    columns = new HashMap<>();
                    for (Cell cell : row) {
                        columns.put(cell.getColumnIndex(), TableLayout.key(TableLayout.text(cell)));
                    }
                }
                continue;
            }
            Map<String, String> line = new HashMap<>();
            headings.forEach(h -> line.put(TableLayout.key(h), ""));
            for (Map.Entry<Integer, String> column : columns.entrySet()) {
                line.put(column.getValue(), TableLayout.text(row.getCell(column.getKey())));
            }
            line.put("#row", Integer.toString(row.getRowNum() + 1));
            found.add(line);
        }
        return found;
    }
}
