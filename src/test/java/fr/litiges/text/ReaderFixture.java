package fr.litiges.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A small workbook with the second reader's two sheets, laid out as causes.xlsx ships them (header on row 4, ID in column E). */
public final class ReaderFixture {
    private final List<String[]> examples = new ArrayList<>();
    private final List<Object[]> thresholds = new ArrayList<>();

    /**
     * A few concepts, a synonym and two pattern rows, as the text tables give them: the reader reads words as
     * they do, and a decision on them finds a duplicate invoice in "deux fois" and a defect in "cassé".
     */
    public static TextRules analysis() {
        return analysis(builder -> { });
    }

    /** The same tables with more rows added last (a concept an analyst adds, say). */
    public static TextRules analysis(java.util.function.Consumer<TextRules.Builder> more) {
        TextRules.Builder builder = TextRules.builder("decision-tables/causes.xlsx")
                .concept(5, "NEGATION", List.of("pas", "not"))
                .concept(6, "CASSE", List.of("cassé", "abîmé", "broken", "damaged", "fendu"))
                .concept(7, "DEUX_FOIS", List.of("deux fois", "twice", "en double"))
                .concept(8, "TRESORERIE", List.of("trésorerie", "cash flow"))
                .synonym(5, List.of("doublon"), "en double")
                .pattern(5, "MOT-001", "DUPLICATE_INVOICE", List.of("DEUX_FOIS"), 1, false, 1)
                .pattern(6, "MOT-002", "DEFECTIVE_PRODUCT", List.of("CASSE"), 1, true, 1);
        more.accept(builder);
        return builder.build().rules();
    }

    /** A few examples per answer, short and distinct in their words: enough to learn from, small enough to reason about. */
    public static ReaderFixture typical() {
        return new ReaderFixture()
                .example("DUPLICATE_INVOICE", "La même facture nous est parvenue en double, merci d'en annuler une.")
                .example("DUPLICATE_INVOICE", "Facture reçue deux fois pour la même commande.")
                .example("DUPLICATE_INVOICE", "We received the same invoice twice, please cancel the duplicate.")
                .example("DEFECTIVE_PRODUCT", "Le produit livré est cassé, il ne fonctionne pas.")
                .example("DEFECTIVE_PRODUCT", "The pump arrived broken and does not work.")
                .example("DEFECTIVE_PRODUCT", "Appareil défectueux dès la mise en route, il est cassé.")
                .example("CASH_FLOW_DIFFICULTY", "Notre trésorerie ne nous permet pas de payer ce mois-ci.")
                .example("CASH_FLOW_DIFFICULTY", "Cash flow is tight, we will pay next month.")
                .example("CASH_FLOW_DIFFICULTY", "Difficultés de trésorerie : nous demandons un délai de paiement.")
                .example("NEEDS_REVIEW", "Merci de nous rappeler au sujet de notre compte.")
                .example("NEEDS_REVIEW", "Please call us back about the account.")
                .threshold("PROPOSER", 0.4, 0.2, "SL-001")
                .threshold("CONTREDIRE", 0.4, 0.2, "SL-002");
    }

    public ReaderFixture example(String subCause, String text) {
        return example(subCause, text, String.format("EX-%04d", examples.size() + 1));
    }

    public ReaderFixture example(String subCause, String text, String id) {
        examples.add(new String[] {subCause, "fr", text, "", id});
        return this;
    }

    public ReaderFixture threshold(String use, Object probability, Object margin, String id) {
        thresholds.add(new Object[] {use, probability, margin, "", id});
        return this;
    }

    /** Replaces a threshold row's values, keeping its ID. */
    public ReaderFixture thresholds(String use, double probability, double margin) {
        thresholds.replaceAll(row -> row[0].equals(use) ? new Object[] {use, probability, margin, "", row[4]} : row);
        return this;
    }

    public byte[] workbook() {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet examplesSheet = book.createSheet(SecondReaderTables.EXAMPLES);
            header(examplesSheet, "Sous-cause attendue", "Langue", "Texte du client", "Note", "ID");
            int r = 4;
            for (String[] example : examples) {
                Row row = examplesSheet.createRow(r++);
                for (int c = 0; c < example.length; c++) {
                    row.createCell(c).setCellValue(example[c]);
                }
            }
            Sheet thresholdsSheet = book.createSheet(SecondReaderTables.THRESHOLDS);
            header(thresholdsSheet, "Usage", "Probabilité minimale", "Écart minimal", "Note", "ID");
            r = 4;
            for (Object[] threshold : thresholds) {
                Row row = thresholdsSheet.createRow(r++);
                for (int c = 0; c < threshold.length; c++) {
                    if (threshold[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(threshold[c]));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SecondReaderTables.Reading read(TextRules analysis) {
        return SecondReaderTables.read("decision-tables/causes.xlsx", workbook(), analysis);
    }

    private static void header(Sheet sheet, String... headings) {
        sheet.createRow(0).createCell(0).setCellValue(sheet.getSheetName());
        Row row = sheet.createRow(3);
        for (int c = 0; c < headings.length; c++) {
            row.createCell(c).setCellValue(headings[c]);
        }
    }
}
