package fr.litiges.ruleset;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Bounds on a spreadsheet the service reads (decision tables, scenario books), so that a file
 * dropped in a watched folder cannot exhaust memory: its size, how much its zip may inflate, and
 * rows per sheet. A file beyond them is refused with a message naming it.
 */
public final class SpreadsheetLimits {
    /** 25 MiB: a 10,000-row table is under 1 MiB. */
    public static final long MAX_BYTES = 25L * 1024 * 1024;
    /** Uncompressed size at most 100 times the compressed one (POI's default, made explicit). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    public static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    public static final int MAX_ROWS_PER_SHEET = 100_000;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private SpreadsheetLimits() {
    }

    /** Why the file may not be opened, or null. */
    public static String checkSize(long bytes) {
        return bytes > MAX_BYTES ? "the file is " + bytes / (1024 * 1024) + " MiB; spreadsheets are limited to " + MAX_BYTES / (1024 * 1024) + " MiB" : null;
    }

    /**
     * The first sheet with too many rows, as a message, or null. Rows are counted by content:
     * deleting rows in LibreOffice declares a sheet 1,048,576 rows long, which is harmless.
     */
    public static String checkRows(Workbook workbook) {
        for (Sheet sheet : workbook) {
            if (sheet.getLastRowNum() + 1 > MAX_ROWS_PER_SHEET) {
                int filled = TableLayout.rowsWithContent(sheet);
                if (filled > MAX_ROWS_PER_SHEET) {
                    return "sheet " + sheet.getSheetName() + " has " + filled + " filled rows; at most " + MAX_ROWS_PER_SHEET + " are read";
                }
            }
        }
        return null;
    }

    /** The French wording of a message of this class. */
    public static String french(String english) {
        return english
                .replaceFirst("^sheet (.+) has (\\d+) filled rows; at most (\\d+) are read$", "la feuille $1 a $2 lignes remplies ; au plus $3 sont lues")
                .replaceFirst("^the file is (\\d+) MiB; spreadsheets are limited to (\\d+) MiB$", "le fichier fait $1 Mio ; un classeur est limité à $2 Mio");
    }
}
