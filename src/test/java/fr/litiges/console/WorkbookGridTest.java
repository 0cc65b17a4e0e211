package fr.litiges.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A workbook drawn as the analyst sees it: sheets in order, 1-based rows, hidden rows marked, cells as displayed. */
class WorkbookGridTest {

    @Test
    void keepsSheetsRowNumbersAndDisplayedValues() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet first = workbook.createSheet("Canaux");
            first.createRow(0).createCell(0).setCellValue("Canal");
            Row data = first.createRow(3); // rows 2 and 3 left empty, as analysts do
            data.createCell(0).setCellValue("AMICABLE_SETTLEMENT");
            data.createCell(1).setCellValue(15);
            data.createCell(2).setCellFormula("B4*2");
            Row technical = first.createRow(1);
            technical.createCell(0).setCellValue("CONDITION");
            technical.setZeroHeight(true);
            workbook.createSheet("Vide");
            workbook.setSheetHidden(1, true);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            bytes = out.toByteArray();
        }

        WorkbookGrid.Grid grid = WorkbookGrid.read(bytes);

        assertThat(grid.sheets()).extracting(WorkbookGrid.GridSheet::name).containsExactly("Canaux", "Vide");
        WorkbookGrid.GridSheet canaux = grid.sheets().get(0);
        assertThat(canaux.rows()).extracting(WorkbookGrid.GridRow::row).containsExactly(1, 2, 4);
        assertThat(canaux.rows()).extracting(WorkbookGrid.GridRow::hidden).containsExactly(false, true, false);
        assertThat(canaux.rows().get(2).cells()).containsExactly("AMICABLE_SETTLEMENT", "15", "30");
        assertThat(canaux.columns()).isEqualTo(3);
        assertThat(grid.sheets().get(1).hidden()).isTrue();
        assertThat(grid.sheets().get(1).rows()).isEmpty();
    }
}
