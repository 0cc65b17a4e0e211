package fr.litiges.text;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads the analysts' text sheets of a workbook: "Concepts" (concept, language, words and
 * phrases separated by ";"), "Synonymes" (the customer's words, what they mean) and
 * "Motifs de texte" (sub-cause, up to three concepts, window, negation-sensitive, weight).
 * Each sheet's data starts under its header row; blank rows are skipped; each sheet has an ID
 * column (required, unique in the sheet) whose value names the row in the trace.
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
        Data conceptRows = dataRows(concepts, "concept", builder);
        for (Row row : conceptRows.rows()) {
            builder.concept(row.getRowNum() + 1, conceptRows.id(row), text(row, 0), split(text(row, 2)));
        }
        Sheet synonyms = book.getSheet(SYNONYMS);
        if (synonyms != null) {
            Data synonymRows = dataRows(synonyms, "mots du client", builder);
            for (Row row : synonymRows.rows()) {
                builder.synonym(row.getRowNum() + 1, synonymRows.id(row), split(text(row, 0)), text(row, 1));
            }
        }
        Data patternRows = dataRows(patterns, "sous-cause", builder);
        for (Row row : patternRows.rows()) {
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
            builder.pattern(rowNumber, patternRows.id(row), text(row, 0), wanted, window, negation.equals("oui") || negation.equals("yes"), weight);
        }
        return builder.build();
    }

    /** The data rows of a sheet, and their IDs (column headed "ID"). */
    private record Data(List<Row> rows, Map<Row, String> ids) {
        String id(Row row) {
            return ids.get(row);
        }
    }

    /**
     * The rows under the header row (the first whose column A starts with the header's word), each
     * with its ID: the column headed "ID" gives every row an identifier, unique in the sheet, that
     * names the row in the trace and in the differences between versions whatever rows are inserted
     * or deleted around it.
     */
    private static Data dataRows(Sheet sheet, String header, TextRules.Builder builder) {
        List<Row> rows = new ArrayList<>();
        Map<Row, String> ids = new HashMap<>();
        boolean inData = false;
        int idColumn = -1;
        for (Row row : sheet) {
            String first = text(row, 0);
            if (!inData) {
                String cell = first.strip().toLowerCase(Locale.ROOT);
                inData = cell.equals(header) || cell.startsWith(header + " (");
                if (inData) {
                    for (Cell heading : row) {
                        String name = text(row, heading.getColumnIndex()).strip();
                        if (ID_HEADINGS.contains(name.toLowerCase(Locale.ROOT))) {
                            idColumn = heading.getColumnIndex();
                        }
                    }
                }
                continue;
            }
            boolean blank = true;
            for (int c = 0; c < 7 && blank; c++) {
                blank = c == idColumn || text(row, c).isBlank();
            }
            if (!blank) {
                rows.add(row);
            }
        }
        if (!inData) {
            builder.problem(sheet.getSheetName(), null, "aucune ligne d'en-tête commençant par « " + header + " » en colonne A ; "
                    + "rétablissez l'en-tête", "no header row starting with «" + header + "» in column A");
        } else if (idColumn < 0) {
            builder.problem(sheet.getSheetName(), null, "la feuille n'a pas de colonne ID : ajoutez à droite de l'en-tête une colonne « ID » "
                    + "et un identifiant unique sur chaque ligne (par exemple " + prefix(sheet) + "-001)",
                    "the sheet has no ID column: add at the right of the header a column headed «ID» and a unique ID on each row "
                            + "(for example " + prefix(sheet) + "-001)");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            int highest = 0;
            for (Row row : rows) {
                String id = text(row, idColumn).strip();
                java.util.regex.Matcher number = NUMBERED.matcher(id);
                if (number.matches()) {
                    highest = Math.max(highest, Integer.parseInt(number.group(1)));
                }
            }
            for (Row row : rows) {
                int rowNumber = row.getRowNum() + 1;
                String cell = new CellReference(row.getRowNum(), idColumn).formatAsString();
                String id = text(row, idColumn).strip();
                if (id.isEmpty()) {
                    String suggestion = prefix(sheet) + String.format("-%03d", ++highest);
                    builder.problem(sheet.getSheetName(), rowNumber, cell + " : identifiant manquant ; chaque ligne de la feuille « "
                                    + sheet.getSheetName() + " » porte un ID unique qui ne change plus (par exemple " + suggestion + ")",
                            cell + ": missing ID; every row of sheet «" + sheet.getSheetName() + "» has a unique ID that never changes "
                                    + "(for example " + suggestion + ")");
                } else if (!ID_VALUE.matcher(id).matches()) {
                    builder.problem(sheet.getSheetName(), rowNumber, cell + " : identifiant « " + id + " » mal formé : lettres, chiffres, "
                                    + "« - », « _ » ou « . », sans espace (par exemple " + prefix(sheet) + "-001)",
                            cell + ": malformed ID «" + id + "»: letters, digits, '-', '_' or '.', no spaces");
                } else {
                    Integer earlier = seen.putIfAbsent(id.toUpperCase(Locale.ROOT), rowNumber);
                    if (earlier != null) {
                        builder.problem(sheet.getSheetName(), rowNumber, cell + " : identifiant « " + id + " » déjà utilisé ligne " + earlier
                                        + " ; donnez à cette ligne un ID nouveau (une ligne copiée garde l'ID de l'original)",
                                cell + ": ID «" + id + "» is already used on row " + earlier
                                        + "; give this row a new ID (a copied row keeps the original's ID)");
                    } else {
                        ids.put(row, id);
                    }
                }
            }
        }
        return new Data(rows, ids);
    }

    private static final java.util.Set<String> ID_HEADINGS = java.util.Set.of("id", "identifiant");
    private static final java.util.regex.Pattern ID_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("[A-Za-z]+-(\\d{1,6})");

    /** The prefix of the IDs the shipped sheet uses. */
    private static String prefix(Sheet sheet) {
        return switch (sheet.getSheetName()) {
            case CONCEPTS -> "CON";
            case SYNONYMS -> "SYN";
            default -> "MOT";
        };
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
