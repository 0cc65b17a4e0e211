package fr.litiges.ruleset;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Where a decision table sits in its sheet, read the way the analyst sees it: the "RuleTable"
 * cell, the four technical rows under it (column types, objects, code, headings), and the data
 * rows, which end at the first row with nothing in the table's columns. Rows are counted by
 * content, never by the sheet's declared size, which row deletions in LibreOffice inflate.
 * Rows are 0-based here; messages add 1.
 */
record TableLayout(String sheet, String name, int anchorRow, String anchorCell, int firstColumn, int lastColumn,
                   Map<Integer, String> headings, int idColumn, List<Integer> dataRows, Integer blankRow, int rowsAfterBlank) {

    static final String ID = "ID";
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    int keywordRow() {
        return anchorRow + 1;
    }

    int headerRow() {
        return anchorRow + 4;
    }

    boolean hasId() {
        return idColumn >= 0;
    }

    /** Every table of a workbook, in sheet order then top to bottom. */
    static List<TableLayout> of(Workbook workbook) {
        List<TableLayout> tables = new ArrayList<>();
        for (Sheet sheet : workbook) {
            List<int[]> anchors = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        String text = cell.getStringCellValue().trim();
                        if (text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                            anchors.add(new int[] {row.getRowNum(), cell.getColumnIndex()});
                            names.add(text.substring("ruletable".length()).trim());
                        }
                    }
                }
            }
            for (int i = 0; i < anchors.size(); i++) {
                int end = i + 1 < anchors.size() ? anchors.get(i + 1)[0] : sheet.getLastRowNum() + 1;
                tables.add(read(sheet, names.get(i), anchors.get(i)[0], anchors.get(i)[1], end));
            }
        }
        return tables;
    }

    private static TableLayout read(Sheet sheet, String name, int anchorRow, int firstColumn, int end) {
        Row keywords = sheet.getRow(anchorRow + 1);
        int lastColumn = firstColumn;
        if (keywords != null) {
            for (Cell cell : keywords) {
                if (cell.getColumnIndex() >= firstColumn && !text(cell).isEmpty()) {
                    lastColumn = Math.max(lastColumn, cell.getColumnIndex());
                }
            }
        }
        Map<Integer, String> headings = new LinkedHashMap<>();
        int idColumn = -1;
        Row header = sheet.getRow(anchorRow + 4);
        for (int column = firstColumn; column <= lastColumn; column++) {
            String heading = header == null ? "" : text(header.getCell(column));
            headings.put(column, heading);
            if (heading.equalsIgnoreCase(ID)) {
                idColumn = column;
            }
        }
        List<Integer> data = new ArrayList<>();
        int r = anchorRow + 5;
        while (r < end && hasContent(sheet.getRow(r), firstColumn, lastColumn)) {
            data.add(r++);
        }
        Integer blank = null;
        int after = 0;
        if (r < end) {
            for (int next = r + 1; next < end; next++) {
                if (hasContent(sheet.getRow(next), firstColumn, lastColumn)) {
                    after++;
                }
            }
            blank = after > 0 ? r : null;
        }
        String anchorCell = new CellReference(anchorRow, firstColumn).formatAsString(false);
        return new TableLayout(sheet.getSheetName(), name, anchorRow, anchorCell, firstColumn, lastColumn, headings, idColumn,
                List.copyOf(data), blank, after);
    }

    static boolean hasContent(Row row, int firstColumn, int lastColumn) {
        if (row == null) {
            return false;
        }
        for (int column = firstColumn; column <= lastColumn; column++) {
            if (!text(row.getCell(column)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Rows of a sheet with something in them: what the analyst would call the sheet's length. */
    static int rowsWithContent(Sheet sheet) {
        int count = 0;
        for (Row row : sheet) {
            if (row.getLastCellNum() > 0 && hasContent(row, Math.max(0, row.getFirstCellNum()), row.getLastCellNum() - 1)) {
                count++;
            }
        }
        return count;
    }

    /** The cell as the analyst reads it: dates as ISO dates, booleans as true/false, numbers as shown. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        try {
            if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            if (cell.getCellType() == CellType.BOOLEAN) {
                return Boolean.toString(cell.getBooleanCellValue());
            }
            return FORMATTER.formatCellValue(cell).trim();
        } catch (RuntimeException e) {
            return cell.toString().trim();
        }
    }

    static String cellName(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }

    /** Headings, table and sheet names compare without case, accents or punctuation, as analysts type them. */
    static String key(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
