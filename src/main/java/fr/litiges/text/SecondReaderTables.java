package fr.litiges.text;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the second reader's sheets of a workbook: "Exemples" (expected sub-cause, language, the
 * customer's text, note, ID: one labelled example per row) and "Second lecteur" (use PROPOSER or
 * CONTREDIRE, minimum probability, minimum margin, note, ID), and learns the reader from them with
 * the text tables' analysis. Data starts under the header row (column A "Sous-cause..." and
 * "Usage"); blank rows are skipped; a bad row is a problem naming its sheet and row.
 */
public final class SecondReaderTables {
    public static final String EXAMPLES = "Exemples";
    public static final String THRESHOLDS = "Second lecteur";

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);
    private static final Pattern ID_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

    /** The reader and the problems found in its sheets. */
    public record Reading(SecondReader reader, List<TextTableProblem> problems) {
    }

    private SecondReaderTables() {
    }

    /**
     * True when the workbook has one of the second reader's sheets. Asked of every workbook of a ruleset, so
     * it reads the sheets' names from the workbook's index (xl/workbook.xml) rather than the whole workbook.
     */
    public static boolean present(byte[] workbook) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/workbook.xml")) {
                    String index = new String(zip.readNBytes(4 * 1024 * 1024), java.nio.charset.StandardCharsets.UTF_8);
                    return index.contains("name=\"" + EXAMPLES + "\"") || index.contains("name=\"" + THRESHOLDS + "\"");
                }
            }
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Learns the reader from the workbook's sheets, reading the words as {@code analysis} does (the
     * text tables of the same ruleset; null reads without synonyms). No reader when there is a problem.
     */
    public static Reading read(String source, byte[] workbook, TextRules analysis) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            return read(source, book, analysis);
        } catch (Exception e) {
            return new Reading(SecondReader.NONE, List.of(new TextTableProblem(null, null,
                    "ce classeur n'est pas lisible (est-il encore en cours d'enregistrement ?) ; détail : " + e.getMessage(),
                    "not a readable workbook: " + e.getMessage())));
        }
    }

    static Reading read(String source, Workbook book, TextRules analysis) {
        List<TextTableProblem> problems = new ArrayList<>();
        Sheet examplesSheet = book.getSheet(EXAMPLES);
        Sheet thresholdsSheet = book.getSheet(THRESHOLDS);
        if (examplesSheet == null || thresholdsSheet == null) {
            String missing = examplesSheet == null ? EXAMPLES : THRESHOLDS;
            problems.add(new TextTableProblem(missing, null, "le second lecteur demande les deux feuilles « " + EXAMPLES + " » et « " + THRESHOLDS
                    + " » ; ajoutez celle qui manque", "the second reader needs both sheets «" + EXAMPLES + "» and «" + THRESHOLDS + "»"));
            return new Reading(SecondReader.NONE, problems);
        }
        List<SecondReader.Example> examples = examples(examplesSheet, problems);
        Map<String, SecondReader.Threshold> thresholds = thresholds(source, thresholdsSheet, problems);
        if (!problems.isEmpty()) {
            return new Reading(SecondReader.NONE, problems);
        }
        return new Reading(new SecondReader(analysis, examples, thresholds.get(SecondReader.PROPOSE), thresholds.get(SecondReader.CONTRADICT),
                SecondReader.Options.DEFAULT), List.of());
    }

    private static List<SecondReader.Example> examples(Sheet sheet, List<TextTableProblem> problems) {
        List<SecondReader.Example> examples = new ArrayList<>();
        List<Row> rows = dataRows(sheet, "sous-cause", problems);
        Map<String, Integer> seen = new HashMap<>();
        java.util.Set<String> answers = new java.util.HashSet<>();
        for (Row row : rows) {
            int number = row.getRowNum() + 1;
            String id = id(sheet, row, seen, "EX-0001", problems);
            String subCause = text(row, 0).strip().toUpperCase(Locale.ROOT);
            String customerText = text(row, 2);
            if (!SecondReader.ANSWERS.contains(subCause)) {
                problems.add(new TextTableProblem(sheet.getSheetName(), number, "A" + number + " : sous-cause inconnue « " + text(row, 0).strip()
                        + " » ; valeurs possibles : " + String.join(", ", SecondReader.ANSWERS),
                        "A" + number + ": unknown sub-cause «" + text(row, 0).strip() + "»: expected one of " + String.join(", ", SecondReader.ANSWERS)));
            } else if (customerText.isBlank()) {
                problems.add(new TextTableProblem(sheet.getSheetName(), number, "C" + number + " : le texte du client est vide ; un exemple est un texte "
                        + "réel de client avec la sous-cause qu'on y lit", "C" + number + ": the customer's text is empty"));
            } else if (id != null) {
                examples.add(new SecondReader.Example(number, id, subCause, customerText));
                answers.add(subCause);
            }
        }
        if (problems.isEmpty() && answers.size() < 2) {
            problems.add(new TextTableProblem(sheet.getSheetName(), null, "le second lecteur apprend à distinguer des sous-causes : donnez des exemples "
                    + "d'au moins deux sous-causes différentes", "the second reader needs examples of at least two different sub-causes"));
        }
        return examples;
    }

    private static Map<String, SecondReader.Threshold> thresholds(String source, Sheet sheet, List<TextTableProblem> problems) {
        Map<String, SecondReader.Threshold> thresholds = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (Row row : dataRows(sheet, "usage", problems)) {
            int number = row.getRowNum() + 1;
            String id = id(sheet, row, seen, "SL-001", problems);
            String use = text(row, 0).strip().toUpperCase(Locale.ROOT);
            Double probability = fraction(row, 1);
            Double margin = fraction(row, 2);
            if (!use.equals(SecondReader.PROPOSE) && !use.equals(SecondReader.CONTRADICT)) {
                problems.add(new TextTableProblem(sheet.getSheetName(), number, "A" + number + " : usage inconnu « " + text(row, 0).strip()
                        + " » ; valeurs possibles : " + SecondReader.PROPOSE + ", " + SecondReader.CONTRADICT,
                        "A" + number + ": unknown use «" + text(row, 0).strip() + "»: expected " + SecondReader.PROPOSE + " or " + SecondReader.CONTRADICT));
            } else if (probability == null || margin == null) {
                problems.add(new TextTableProblem(sheet.getSheetName(), number, "la probabilité minimale (colonne B) et l'écart minimal (C) sont des "
                        + "nombres de 0 à 1 (par exemple 0,9)", "the minimum probability (column B) and margin (C) are numbers from 0 to 1"));
            } else if (uses.putIfAbsent(use, number) != null) {
                problems.add(new TextTableProblem(sheet.getSheetName(), number, "l'usage " + use + " a déjà ses seuils ligne " + uses.get(use)
                        + " ; gardez une seule ligne", "use " + use + " already has its thresholds on row " + uses.get(use)));
            } else if (id != null) {
                thresholds.put(use, new SecondReader.Threshold(use, probability, margin,
                        new PatternMatch.TableRow(source, sheet.getSheetName(), number, id)));
            }
        }
        for (String use : List.of(SecondReader.PROPOSE, SecondReader.CONTRADICT)) {
            if (!uses.containsKey(use)) {
                problems.add(new TextTableProblem(sheet.getSheetName(), null, "il manque la ligne " + use + " (ses seuils de probabilité et d'écart)",
                        "the row " + use + " (its minimum probability and margin) is missing"));
            }
        }
        return thresholds;
    }

    /** The row's ID (column headed "ID", column E in the shipped sheets), or null after naming the problem. */
    private static String id(Sheet sheet, Row row, Map<String, Integer> seen, String example, List<TextTableProblem> problems) {
        int number = row.getRowNum() + 1;
        String id = text(row, ID_COLUMN).strip();
        String cell = "E" + number;
        if (id.isEmpty()) {
            problems.add(new TextTableProblem(sheet.getSheetName(), number, cell + " : identifiant manquant ; chaque ligne porte un ID unique qui ne "
                    + "change plus (par exemple " + example + ")", cell + ": missing ID; every row has a unique ID that never changes"));
            return null;
        }
        if (!ID_VALUE.matcher(id).matches()) {
            problems.add(new TextTableProblem(sheet.getSheetName(), number, cell + " : identifiant « " + id + " » mal formé : lettres, chiffres, "
                    + "« - », « _ » ou « . », sans espace (par exemple " + example + ")", cell + ": malformed ID «" + id + "»"));
            return null;
        }
        Integer earlier = seen.putIfAbsent(id.toUpperCase(Locale.ROOT), number);
        if (earlier != null) {
            problems.add(new TextTableProblem(sheet.getSheetName(), number, cell + " : identifiant « " + id + " » déjà utilisé ligne " + earlier
                    + " ; donnez à cette ligne un ID nouveau (une ligne copiée garde l'ID de l'original)",
                    cell + ": ID «" + id + "» is already used on row " + earlier));
            return null;
        }
        return id;
    }

    /** The ID is the fifth column (E), as in the other text sheets. */
    private static final int ID_COLUMN = 4;

    private static List<Row> dataRows(Sheet sheet, String header, List<TextTableProblem> problems) {
        List<Row> rows = new ArrayList<>();
        boolean inData = false;
        for (Row row : sheet) {
            if (!inData) {
                String first = text(row, 0).strip().toLowerCase(Locale.ROOT);
                inData = first.startsWith(header);
                if (inData && !text(row, ID_COLUMN).strip().equalsIgnoreCase("ID")) {
                    problems.add(new TextTableProblem(sheet.getSheetName(), row.getRowNum() + 1, "la colonne E de l'en-tête doit s'appeler « ID »",
                            "column E of the header must be headed «ID»"));
                }
                continue;
            }
            boolean blank = true;
            for (int c = 0; c <= ID_COLUMN && blank; c++) {
                blank = text(row, c).isBlank();
            }
            if (!blank) {
                rows.add(row);
            }
        }
        if (!inData) {
            problems.add(new TextTableProblem(sheet.getSheetName(), null, "aucune ligne d'en-tête commençant par « " + header
                    + " » en colonne A ; rétablissez l'en-tête", "no header row starting with «" + header + "» in column A"));
        }
        return rows;
    }

    private static Double fraction(Row row, int column) {
        String text = text(row, column).strip().replace(',', '.');
        try {
            double value = Double.parseDouble(text);
            return value >= 0 && value <= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : FORMAT.formatCellValue(cell);
    }
}
