package fr.litiges.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small decision table built in the test, laid out like the analysts' ones (title, RuleTable,
 * the four technical rows, data rows, an ID column, and the sheet Colonnes), so loader tests
 * do not depend on the shipped policy. Data rows are rows 12 to 14 (1-based).
 */
final class FixtureWorkbook {
    static final String SOURCE = "decision-tables/fixture.xlsx";

    private FixtureWorkbook() {
    }

    /** Table "Canaux": Canal | Délai (jours) | Taux | Seuil | Stratégique | ID, and its descriptions. */
    static Workbook channels() {
        Workbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Canaux");
        row(sheet, 0, "Canaux : délai et taux");
        row(sheet, 3, "RuleSet", "fr.litiges.fixture");
        row(sheet, 4, "Import", "fr.litiges.decision.facts.*");
        row(sheet, 6, "RuleTable Canaux");
        row(sheet, 7, "CONDITION", "ACTION", "ACTION", "CONDITION", "CONDITION", "NAME");
        row(sheet, 8, "$s: ChannelStep", "", "", "", "");
        row(sheet, 9, "channel == \"$param\"", "insertLogical(new ChannelDuration($s.getChannel(), $param));",
                "insertLogical(new ChannelSuccessRate($s.getChannel(), $param));", "position >= $param", "position != 0 || $param");
        row(sheet, 10, "Canal", "Délai (jours)", "Taux", "Seuil", "Stratégique", "ID");
        row(sheet, 11, "AMICABLE_SETTLEMENT", 15, 0.6, null, null, "CAN-001");
        row(sheet, 12, "BUSINESS_MEDIATION", 60, 0.75, null, null, "CAN-002");
        row(sheet, 13, "JUDICIAL_PROCEEDINGS", 180, 1, null, null, "CAN-003");
        Sheet columns = workbook.createSheet(ColumnDescriptions.SHEET);
        row(columns, 0, "Colonnes");
        row(columns, 3, "Table", "Colonne", "Type", "Obligatoire", "Valeurs permises", "Signification");
        row(columns, 4, "Canaux", "Canal", "codes", "oui", "Channel", "le canal");
        row(columns, 5, "Canaux", "Délai (jours)", "jours", "oui", "0 à 3650", "le délai");
        row(columns, 6, "Canaux", "Taux", "pourcentage", "oui", "0 à 1", "le taux");
        row(columns, 7, "Canaux", "Seuil", "montant", "non", "au moins 0", "un montant");
        row(columns, 8, "Canaux", "Stratégique", "booléen", "non", "", "oui ou non");
        row(columns, 9, "Canaux", "ID", "identifiant", "oui", "", "l'identifiant");
        return workbook;
    }

    static final String FIRST_MATCH = DecisionTableTranslator.FIRST_MATCH;
    static final String EVERY_MATCH = DecisionTableTranslator.EVERY_MATCH;

    /** Declares the table's stage and rows in the row above "RuleTable Canaux" (row 6), as the analysts' tables do. */
    static void stage(Workbook workbook, String stage, String rows) {
        set(workbook, "Canaux", 6, 0, "Étape");
        set(workbook, "Canaux", 6, 1, stage);
        set(workbook, "Canaux", 6, 2, "Lignes");
        set(workbook, "Canaux", 6, 3, rows);
    }

    /** Sets a cell by its 1-based row and 0-based column, creating what is missing; null clears it. */
    static void set(Workbook workbook, String sheetName, int row, int column, Object value) {
        Sheet sheet = workbook.getSheet(sheetName);
        Row r = sheet.getRow(row - 1) != null ? sheet.getRow(row - 1) : sheet.createRow(row - 1);
        if (value == null) {
            if (r.getCell(column) != null) {
                r.removeCell(r.getCell(column));
            }
        } else if (value instanceof Number number) {
            r.createCell(column).setCellValue(number.doubleValue());
        } else {
            r.createCell(column).setCellValue(value.toString());
        }
    }

    static RuleFile file(Workbook workbook) {
        return file(SOURCE, workbook);
    }

    static RuleFile file(String source, Workbook workbook) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return new RuleFile(source, RuleFile.Kind.DECISION_TABLE, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DecisionTableTranslator.Translation translate(Consumer<Workbook> edit) {
        Workbook workbook = channels();
        edit.accept(workbook);
        return new DecisionTableTranslator().translate(file(workbook));
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }
}
