package fr.litiges.scenario;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;

/** How every scenario book (complaints, prevention) reads its cells: as the analyst sees them. */
public final class BookCells {
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    private BookCells() {
    }

    /** The cell under a heading (keyed by {@link #key}), or "" when the book has no such column. */
    public static String cell(Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : text(row.getCell(index));
    }

    /** A cell's text as displayed; a date as YYYY-MM-DD, a boolean as true/false. */
    public static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.BOOLEAN) {
            return Boolean.toString(cell.getBooleanCellValue());
        }
        return FORMATTER.formatCellValue(cell).trim();
    }

    public static boolean isBlank(Row row) {
        for (Cell cell : row) {
            if (!text(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Headers compare without case, accents or punctuation, as analysts type them. */
    public static String key(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
