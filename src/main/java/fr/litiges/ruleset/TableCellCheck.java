package fr.litiges.ruleset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Checks every cell of a workbook's tables against the workbook's column descriptions before
 * anything is compiled, so that a misspelt code or a French number never reaches the rule
 * engine: one message per problem, naming the cell and the fix. Valid values the analyst typed
 * in French forms ({@code 0,75}, {@code 10 000 €}, {@code oui}) are rewritten in the in-memory
 * copy of the workbook into the form the engine reads; the file itself is never written.
 */
final class TableCellCheck {
    private final String source;
    private final ColumnDescriptions descriptions;

    TableCellCheck(String source, ColumnDescriptions descriptions) {
        this.source = source;
        this.descriptions = descriptions;
    }

    static String idKey(String sheet, Integer row) {
        return sheet + '\u0000' + row;
    }

    /** Checks the tables and returns each data row's ID by {@link #idKey} (1-based rows). */
    Map<String, String> check(Workbook workbook, List<TableLayout> tables, List<RuleProblem> problems) {
        Map<String, String> ids = new HashMap<>();
        for (TableLayout table : tables) {
            Sheet sheet = workbook.getSheet(table.sheet());
            rows(sheet, table, problems);
            Map<Integer, ColumnDescriptions.Column> described = columns(sheet, table, problems);
            Map<String, Integer> seen = new HashMap<>();
            for (int r : table.dataRows()) {
                Row row = sheet.getRow(r);
                if (table.hasId()) {
                    String id = TableLayout.text(row.getCell(table.idColumn()));
                    String where = TableLayout.cellName(r, table.idColumn());
                    if (id.isEmpty()) {
                        add(problems, table, r, where, where + " : identifiant manquant ; chaque ligne de la table « " + table.name()
                                        + " » porte un ID unique qui ne change plus (par exemple " + suggestion(table, seen) + ")",
                                where + ": missing ID; every row of table '" + table.name() + "' has a unique ID that never changes (for example "
                                        + suggestion(table, seen) + ")");
                    } else if (seen.containsKey(id.toUpperCase())) {
                        add(problems, table, r, where, where + " : identifiant « " + id + " » déjà utilisé ligne " + seen.get(id.toUpperCase())
                                        + " ; donnez à cette ligne un ID nouveau (une ligne copiée garde l'ID de l'original)",
                                where + ": ID '" + id + "' is already used on row " + seen.get(id.toUpperCase())
                                        + "; give this row a new ID (a copied row keeps the original's ID)");
                    } else {
                        CellValues.Outcome outcome = CellValues.check(row.getCell(table.idColumn()), id, CellValues.Type.ID, null, descriptions);
                        if (outcome.failed()) {
                            add(problems, table, r, where, where + " : " + outcome.french(), where + ": " + outcome.english());
                        }
                        seen.put(id.toUpperCase(), r + 1);
                        ids.put(idKey(table.sheet(), r + 1), id);
                    }
                }
                described.forEach((column, description) -> cell(table, row, r, column, description, problems));
            }
        }
        return ids;
    }

    private void rows(Sheet sheet, TableLayout table, List<RuleProblem> problems) {
        if (table.blankRow() == null) {
            return;
        }
        int blank = table.blankRow() + 1;
        int next = table.blankRow() + 1;
        while (!TableLayout.hasContent(sheet.getRow(next), table.firstColumn(), table.lastColumn())) {
            next++;
        }
        add(problems, table, table.blankRow(), null,
                "la table « " + table.name() + " » s'arrête à la ligne " + blank + " vide ; " + table.rowsAfterBlank()
                        + (table.rowsAfterBlank() == 1 ? " ligne suivante, la ligne " : " lignes suivantes, à partir de la ligne ") + (next + 1)
                        + ", seraient ignorées : supprimez la ligne " + blank + " (clic droit, Supprimer des lignes) ou remplissez-la",
                "table '" + table.name() + "' stops at blank row " + blank + "; " + table.rowsAfterBlank() + " following row(s), from row "
                        + (next + 1) + ", would be ignored: delete row " + blank + " or fill it");
    }

    /** The described columns of a table; a column without a description, or with an unusable one, is a problem. */
    private Map<Integer, ColumnDescriptions.Column> columns(Sheet sheet, TableLayout table, List<RuleProblem> problems) {
        Map<Integer, ColumnDescriptions.Column> described = new HashMap<>();
        if (!table.hasId()) {
            add(problems, table, table.anchorRow(), table.anchorCell(),
                    "la table « " + table.name() + " » n'a pas de colonne ID : ajoutez à sa droite une colonne d'en-tête « ID » "
                            + "(mot-clé NAME dans la ligne technique des types) et un identifiant unique par ligne, par exemple "
                            + suggestion(table, Map.of()),
                    "table '" + table.name() + "' has no ID column: add on its right a column headed 'ID' (keyword NAME in the row of "
                            + "column types) and a unique ID on each row, for example " + suggestion(table, Map.of()));
        }
        Row keywords = sheet.getRow(table.keywordRow());
        for (Map.Entry<Integer, String> heading : table.headings().entrySet()) {
            int column = heading.getKey();
            if (column == table.idColumn() || keywords == null || TableLayout.text(keywords.getCell(column)).isEmpty()) {
                continue;
            }
            String where = TableLayout.cellName(table.headerRow(), column);
            if (heading.getValue().isEmpty()) {
                add(problems, table, table.headerRow(), where, where + " : cette colonne de la table « " + table.name()
                                + " » n'a pas d'en-tête ; donnez-lui un titre et décrivez-la dans la feuille " + ColumnDescriptions.SHEET,
                        where + ": this column of table '" + table.name() + "' has no heading; give it one and describe it in the sheet "
                                + ColumnDescriptions.SHEET);
                continue;
            }
            ColumnDescriptions.Column description = descriptions.find(table, heading.getValue());
            if (description == null) {
                add(problems, table, table.headerRow(), where, where + " : la colonne « " + heading.getValue() + " » de la table « "
                                + table.name() + " » n'a pas de description ; ajoutez à la feuille " + ColumnDescriptions.SHEET
                                + " une ligne « " + table.name() + " | " + heading.getValue() + " | type | obligatoire (oui/non) | valeurs permises | signification »",
                        where + ": column '" + heading.getValue() + "' of table '" + table.name() + "' has no description; add to the sheet "
                                + ColumnDescriptions.SHEET + " a row '" + table.name() + " | " + heading.getValue()
                                + " | type | required (oui/non) | allowed values | meaning'");
                continue;
            }
            CellValues.Type type = CellValues.Type.of(description.type());
            String at = ColumnDescriptions.SHEET + "!C" + description.row();
            if (type == null) {
                problems.add(RuleProblem.atRow(source, ColumnDescriptions.SHEET, description.row(), "C" + description.row(),
                        "C" + description.row() + " : type inconnu « " + description.type() + " » pour la colonne « " + description.heading()
                                + " » ; types possibles : " + CellValues.Type.FRENCH_NAMES,
                        "C" + description.row() + ": unknown type '" + description.type() + "' for column '" + description.heading()
                                + "'; possible types: " + CellValues.Type.FRENCH_NAMES));
                continue;
            }
            if (type == CellValues.Type.CODES && description.allowed().isBlank()) {
                problems.add(RuleProblem.atRow(source, ColumnDescriptions.SHEET, description.row(), "E" + description.row(),
                        "E" + description.row() + " : la colonne « " + description.heading() + " » est une liste de codes sans valeurs permises ; "
                                + "écrivez le nom d'une liste du contrat (" + String.join(", ", contractListNames()) + "), d'une liste de la feuille "
                                + ColumnDescriptions.LISTS + " ou les codes séparés par des virgules",
                        "E" + description.row() + ": column '" + description.heading() + "' is a code list without allowed values (see " + at + ")"));
                continue;
            }
            described.put(column, description);
        }
        return described;
    }

    private void cell(TableLayout table, Row row, int r, int column, ColumnDescriptions.Column description, List<RuleProblem> problems) {
        Cell cell = row.getCell(column);
        String raw = TableLayout.text(cell);
        String where = TableLayout.cellName(r, column);
        String label = where + " (" + description.heading() + ")";
        if (raw.isEmpty()) {
            if (description.required()) {
                add(problems, table, r, where, label + " : cellule vide ; cette colonne est obligatoire" + hint(description),
                        label + ": empty cell; this column is required" + hint(description));
            }
            return;
        }
        CellValues.Type type = CellValues.Type.of(description.type());
        CellValues.Outcome outcome = CellValues.check(cell, raw, type, description.allowed(), descriptions);
        if (outcome.failed()) {
            add(problems, table, r, where, label + " : " + outcome.french(), label + ": " + outcome.english());
        } else if (!outcome.value().equals(raw) || (cell != null && type != CellValues.Type.TEXT && type != CellValues.Type.CODES)) {
            cell.setCellValue(outcome.value());
        }
    }

    private static String hint(ColumnDescriptions.Column description) {
        return description.allowed().isBlank() ? "" : " (valeurs permises : " + description.allowed() + ")";
    }

    private static List<String> contractListNames() {
        return CellValues.CONTRACT.values().stream().map(CellValues.CodeList::name).distinct().toList();
    }

    private void add(List<RuleProblem> problems, TableLayout table, int row, String cell, String french, String english) {
        problems.add(RuleProblem.atRow(source, table.sheet(), row + 1, cell, french, english));
    }

    /** An ID the analyst could use: the table's prefix and the next number. */
    private static String suggestion(TableLayout table, Map<String, Integer> seen) {
        String letters = TableLayout.key(table.name()).replaceAll("[0-9]", "").toUpperCase();
        String prefix = letters.length() >= 3 ? letters.substring(0, 3) : letters.isEmpty() ? "L" : letters;
        return prefix + "-" + String.format("%03d", seen.size() + 1);
    }

    /**
     * The ID column is the analysts' and the ruleset's business, not the rule engine's: it is
     * cleared in the in-memory copy so the engine never sees it. Rows below the last one with
     * content are dropped too, so a sheet "1,048,576 rows long" after a deletion costs nothing.
     */
    static void hideIdColumns(Workbook workbook, List<TableLayout> tables) {
        for (TableLayout table : tables) {
            if (!table.hasId()) {
                continue;
            }
            Sheet sheet = workbook.getSheet(table.sheet());
            int last = table.dataRows().isEmpty() ? table.headerRow() : table.dataRows().get(table.dataRows().size() - 1);
            for (int r = table.keywordRow(); r <= last; r++) {
                Row row = sheet.getRow(r);
                Cell cell = row == null ? null : row.getCell(table.idColumn());
                if (cell != null) {
                    row.removeCell(cell);
                }
            }
        }
        for (Sheet sheet : workbook) {
            for (int r = sheet.getLastRowNum(); r >= 0; r--) {
                Row row = sheet.getRow(r);
                if (row != null && row.getLastCellNum() > 0
                        && TableLayout.hasContent(row, Math.max(0, row.getFirstCellNum()), row.getLastCellNum() - 1)) {
                    break;
                }
                if (row != null) {
                    sheet.removeRow(row);
                }
            }
        }
    }
}
