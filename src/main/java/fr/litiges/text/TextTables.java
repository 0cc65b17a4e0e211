package fr.litiges.text;

import java.io.ByteArrayInputStream;
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
 * Reads the analysts' text sheets of a workbook: "Concepts" (concept, language, words and
 * phrases separated by ";"), "Synonymes" (the customer's words, what they mean) and
 * "Motifs de texte" (sub-cause, up to three concepts, window, negation-sensitive, weight).
 * Each sheet's data starts under its header row; blank rows are skipped.
 */
public final class TextTables {
    public static final String CONCEPTS = "Concepts";
    public static final String SYNONYMS = "Synonymes";
    public static final String PATTERNS = "Motifs de texte";

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private TextTables() {
    }

    /** True when the workbook has a concepts or patterns sheet. */
    public static boolean present(byte[] workbook) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            return book.getSheet(CONCEPTS) != null || book.getSheet(PATTERNS) != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** Compiles the text sheets of the workbook; a workbook POI cannot read gives a problem, not an exception. */
    public static TextRules.Reading read(String source, byte[] workbook) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            return read(source, book);
        } catch (Exception e) {
            return TextRules.builder(source).problem(null, null, "ce classeur n'est pas lisible (est-il encore en cours d'enregistrement ?) ; détail : "
                    + e.getMessage(), "not a readable workbook: " + e.getMessage()).build();
        }
    }

    static TextRules.Reading read(String source, Workbook book) {
        TextRules.Builder builder = TextRules.builder(source).sheets(CONCEPTS, SYNONYMS, PATTERNS);
        Sheet concepts = book.getSheet(CONCEPTS);
        Sheet patterns = book.getSheet(PATTERNS);
        if (concepts == null || patterns == null) {
            return builder.problem(concepts == null ? CONCEPTS : PATTERNS, null,
                    "les tables de texte demandent les deux feuilles « " + CONCEPTS + " » et « " + PATTERNS + " » ; ajoutez celle qui manque",
                    "the text tables need both sheets «" + CONCEPTS + "» and «" + PATTERNS + "»").build();
        }
        for (Row row : dataRows(concepts, "concept", builder)) {
            builder.concept(row.getRowNum() + 1, text(row, 0), split(text(row, 2)));
        }
        Sheet synonyms = book.getSheet(SYNONYMS);
        if (synonyms != null) {
            for (Row row : dataRows(synonyms, "mots du client", builder)) {
                builder.synonym(row.getRowNum() + 1, split(text(row, 0)), text(row, 1));
            }
        }
        for (Row row : dataRows(patterns, "sous-cause", builder)) {
            int rowNumber = row.getRowNum() + 1;
            List<String> wanted = new ArrayList<>();
            for (int c = 1; c <= 3; c++) {
                if (!text(row, c).isBlank()) {
                    wanted.add(text(row, c));
                }
            }
            Integer window = whole(row, 4, 1);
            String negation = text(row, 5).strip().toLowerCase(Locale.ROOT);
            Double weight = number(row, 6, 1.0);
            if (window == null || weight == null || !List.of("", "oui", "non", "yes", "no").contains(negation)) {
                builder.problem(PATTERNS, rowNumber,
                        "la fenêtre (colonne E) doit être un nombre entier, la négation (F) oui ou non, le poids (G) un nombre",
                        "window (column E) must be a whole number, negation (F) oui or non, weight (G) a number");
                continue;
            }
            builder.pattern(rowNumber, text(row, 0), wanted, window, negation.equals("oui") || negation.equals("yes"), weight);
        }
        return builder.build();
    }

    /** The rows under the header row (the first whose column A starts with the header's word). */
    private static List<Row> dataRows(Sheet sheet, String header, TextRules.Builder builder) {
        List<Row> rows = new ArrayList<>();
        boolean inData = false;
        for (Row row : sheet) {
            String first = text(row, 0);
            if (!inData) {
                String cell = first.strip().toLowerCase(Locale.ROOT);
                inData = cell.equals(header) || cell.startsWith(header + " (");
                continue;
            }
            boolean blank = true;
            for (int c = 0; c < 7 && blank; c++) {
                blank = text(row, c).isBlank();
            }
            if (!blank) {
                rows.add(row);
            }
        }
        if (!inData) {
            builder.problem(sheet.getSheetName(), null, "aucune ligne d'en-tête commençant par « " + header + " » en colonne A ; "
                    + "rétablissez l'en-tête", "no header row starting with «" + header + "» in column A");
        }
        return rows;
    }

    private static List<String> split(String cell) {
        List<String> parts = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : FORMAT.formatCellValue(cell);
    }

    private static Integer whole(Row row, int column, int blankValue) {
        Double value = number(row, column, (double) blankValue);
        return value == null || value != Math.rint(value) ? null : value.intValue();
    }

    private static Double number(Row row, int column, double blankValue) {
        String text = text(row, column).strip().replace(',', '.');
        if (text.isEmpty()) {
            return blankValue;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
