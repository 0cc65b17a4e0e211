package fr.litiges.testing;

import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.RulesetSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A copy of the shipped rules/ and decision-tables/ in a temporary folder, edited the way an
 * analyst would (a cell changed, a row added), so tests never touch the committed files.
 */
public final class AnalystWorkspace {
    private final Path root;

    private AnalystWorkspace(Path root) {
        this.root = root;
    }

    /** Copies the shipped folders (and scenarios/, when present) under the given folder. */
    public static AnalystWorkspace copyOfShippedRules(Path root) {
        try {
            copyTree(Path.of("rules"), root.resolve("rules"));
            copyTree(Path.of("decision-tables"), root.resolve("decision-tables"));
            if (Files.isDirectory(Path.of("scenarios"))) {
                copyTree(Path.of("scenarios"), root.resolve("scenarios"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AnalystWorkspace(root);
    }

    public Path root() {
        return root;
    }

    public Path rules() {
        return root.resolve("rules");
    }

    public Path tables() {
        return root.resolve("decision-tables");
    }

    public Path scenarios() {
        return root.resolve("scenarios");
    }

    public RuleFolders folders() {
        return new RuleFolders(rules(), tables());
    }

    /** The three folders as one ruleset content, as the service reads them. */
    public RulesetSource source() {
        return RulesetSource.fromFolders(rules(), tables(), scenarios());
    }

    /** Opens a workbook of decision-tables/, lets the test edit it, and saves it in place. */
    public void editTable(String fileName, Consumer<Workbook> edit) {
        editWorkbook(tables().resolve(fileName), edit);
    }

    public static void editWorkbook(Path file, Consumer<Workbook> edit) {
        try {
            Workbook workbook;
            try (InputStream in = Files.newInputStream(file)) {
                workbook = WorkbookFactory.create(in);
            }
            edit.accept(workbook);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first row of a sheet whose first cell reads the given text. */
    public static Row rowStartingWith(Sheet sheet, String firstCellText) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.toString().trim().equals(firstCellText)) {
                return row;
            }
        }
        throw new AssertionError("no row starting with '" + firstCellText + "' in sheet " + sheet.getSheetName());
    }

    /** Deletes the first row whose first cell reads the given text, moving the rows below it up, as an analyst would. */
    public static void deleteRowStartingWith(Sheet sheet, String firstCellText) {
        int at = rowStartingWith(sheet, firstCellText).getRowNum();
        sheet.removeRow(sheet.getRow(at));
        if (at < sheet.getLastRowNum()) {
            sheet.shiftRows(at + 1, sheet.getLastRowNum(), -1);
        }
    }

    /** 1-based row number of that row, as the analyst sees it. */
    public static int rowNumberOf(Path workbookFile, String sheet, String firstCellText) {
        try (InputStream in = Files.newInputStream(workbookFile); Workbook workbook = WorkbookFactory.create(in)) {
            return rowStartingWith(workbook.getSheet(sheet), firstCellText).getRowNum() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends a data row right under the last filled row of a sheet, as an analyst adds a line;
     * when the table has an ID column the values leave blank, the row gets a new ID, as the
     * analyst must give one.
     */
    public static void appendRow(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
        int idColumn = idColumn(sheet);
        if (idColumn >= values.length || (idColumn >= 0 && values[idColumn] == null)) {
            row.createCell(idColumn).setCellValue("NEW-" + (row.getRowNum() + 1));
        }
    }

    /** The column headed "ID" in a sheet, or -1. */
    public static int idColumn(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.toString().trim().equals("ID")) {
                    return cell.getColumnIndex();
                }
            }
        }
        return -1;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
