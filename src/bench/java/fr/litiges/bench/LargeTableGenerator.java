package fr.litiges.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Generates a decision table of N rows (10,000 by default) in the analysts' format: a table of
 * product-specific CRM reason codes ("P00042_DEFECT" → DEFECTIVE_PRODUCT), the kind of large
 * table an analyst might import from a product catalogue. Used to measure how long a
 * large table takes to compile and swap in. Usage: {@code LargeTableGenerator <file.xlsx> [rows]}.
 */
public final class LargeTableGenerator {
    private static final String[] SUB_CAUSES = {"DEFECTIVE_PRODUCT", "ORDER_MISMATCH", "INCOMPLETE_DELIVERY", "PRICE_DISAGREEMENT"};
    private static final String[] WORDS = {"DEFECT", "MISMATCH", "MISSING", "OVERPRICED"};

    private LargeTableGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/catalogue-indices.xlsx");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet("Motifs catalogue");
            int r = 0;
            row(sheet, r++, "RuleSet", "fr.litiges.rules");
            row(sheet, r++, "Import", "fr.litiges.decision.facts.*");
            row(sheet, r++, "Sequential", "true");
            r++;
            row(sheet, r++, "RuleTable Motifs catalogue");
            row(sheet, r++, "CONDITION", "ACTION");
            row(sheet, r++, "$r: ReportedReason");
            row(sheet, r++, "code == \"$param\"", "insert(new CauseFinding(\"$param\", \"MEDIUM\", \"catalogue code \" + $r.getCode()));");
            row(sheet, r++, "Code motif", "Sous-cause");
            for (int i = 0; i < rows; i++) {
                int kind = i % SUB_CAUSES.length;
                row(sheet, r++, String.format("P%05d_%s", i, WORDS[kind]), SUB_CAUSES[kind]);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        System.out.println("wrote " + file + " with " + rows + " rule rows");
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
