package fr.litiges.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A workbook as the analyst sees it in the spreadsheet: each sheet, each row by its 1-based number,
 * each cell as displayed (formatted numbers and dates, the cached result of a formula). Read-only,
 * from the bytes, never from a file POI could rewrite.
 */
final class WorkbookGrid {
    /** Beyond this a sheet is cut, and says so: a decision table is never that big. */
    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 64;
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    record Grid(List<GridSheet> sheets) {
    }

    record GridSheet(String name, boolean hidden, int columns, boolean truncated, List<GridRow> rows) {
    }

    /**
     * {@code row} is 1-based; {@code cells} starts at column A; {@code hidden} when the workbook hides
     * it (the technical rows of a table: the console folds them away as the spreadsheet does).
     */
    record GridRow(int row, List<String> cells, boolean hidden) {
    }

    static Grid read(byte[] bytes) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            List<GridSheet> sheets = new ArrayList<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                List<GridRow> rows = new ArrayList<>();
                int columns = 0;
                boolean truncated = false;
                for (Row row : sheet) {
                    if (rows.size() == MAX_ROWS) {
                        truncated = true;
                        break;
                    }
                    int last = Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
                    List<String> cells = new ArrayList<>(last);
                    for (int c = 0; c < last; c++) {
                        cells.add(display(row.getCell(c)));
                    }
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    if (!cells.isEmpty()) {
                        rows.add(new GridRow(row.getRowNum() + 1, cells, row.getZeroHeight()));
                        columns = Math.max(columns, cells.size());
                    }
                }
                sheets.add(new GridSheet(sheet.getSheetName(), workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s),
                        columns, truncated, rows));
            }
            return new Grid(sheets);
        }
    }

    private static String display(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() != CellType.FORMULA) {
            return FORMATTER.formatCellValue(cell).strip();
        }
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> FORMATTER.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString());
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            default -> "";
        };
    }
}
