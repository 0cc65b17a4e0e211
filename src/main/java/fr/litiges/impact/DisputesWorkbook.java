package fr.litiges.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The disputes report as a workbook, since analysts live in Excel: a summary sheet, one sheet per
 * table of the JSON report, and a bar chart of the complaints per sub-cause on the causes sheet.
 */
final class DisputesWorkbook {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private DisputesWorkbook() {
    }

    static byte[] write(DisputesReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            summary(workbook.createSheet("Synthèse"), report, styles);

            XSSFSheet causes = workbook.createSheet("Causes");
            header(causes, styles, "Cause", "Sous-cause", "Litiges", "Montant à risque", "Coût de financement");
            int r = 1;
            for (DisputesReport.CauseLine line : report.byCause()) {
                row(causes.createRow(r++), styles, line.cause(), line.subCause(), line.count(), line.amountAtRisk(), line.financingCost());
            }
            widths(causes, 26, 28, 10, 18, 20);
            if (!report.byCause().isEmpty()) {
                chart(causes, report.byCause().size());
            }

            XSSFSheet departments = workbook.createSheet("Services");
            header(departments, styles, "Service", "Litiges", "Montant à risque", "Coût de financement");
            r = 1;
            for (DisputesReport.DepartmentLine line : report.byDepartment()) {
                row(departments.createRow(r++), styles, orNone(line.department()), line.count(), line.amountAtRisk(), line.financingCost());
            }
            widths(departments, 24, 10, 18, 20);

            XSSFSheet channels = workbook.createSheet("Canaux");
            header(channels, styles, "Canal recommandé", "Litiges", "Montant à risque", "Coût de financement");
            r = 1;
            for (DisputesReport.ChannelLine line : report.byChannel()) {
                row(channels.createRow(r++), styles, orNone(line.channel()), line.count(), line.amountAtRisk(), line.financingCost());
            }
            widths(channels, 26, 10, 18, 20);

            XSSFSheet months = workbook.createSheet("Mois");
            header(months, styles, "Mois de réception", "Litiges", "Montant à risque", "Coût de financement");
            r = 1;
            for (DisputesReport.MonthLine line : report.byMonth()) {
                row(months.createRow(r++), styles, line.month(), line.count(), line.amountAtRisk(), line.financingCost());
            }
            widths(months, 20, 10, 18, 20);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orNone(String code) {
        return code == null ? "(aucun)" : code;
    }

    private static void summary(XSSFSheet sheet, DisputesReport report, Styles styles) {
        header(sheet, styles, "Indicateur", "Valeur");
        List<Object[]> lines = List.of(
                new Object[]{"Litiges décidés", report.complaints()},
                new Object[]{"Litiges non décidés (illisibles ou en échec)", report.failed()},
                new Object[]{"Part des causes UNKNOWN", report.unknownShare()},
                new Object[]{"Montant à risque (toutes devises additionnées)", report.amountAtRisk()},
                new Object[]{"Coût de financement", report.financingCost()},
                new Object[]{"Retard de paiement attendu, total (jours)", report.expectedDelayDays()},
                new Object[]{"Version des règles", report.rulesetVersion()});
        int r = 1;
        for (Object[] line : lines) {
            Row row = sheet.createRow(r++);
            row(row, styles, line);
            if (line[1] == report.unknownShare()) {
                row.getCell(1).setCellStyle(styles.percent);
            }
        }
        widths(sheet, 46, 30);
    }

    private static void header(XSSFSheet sheet, Styles styles, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            row.createCell(i).setCellValue(titles[i]);
            row.getCell(i).setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void row(Row row, Styles styles, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof BigDecimal amount) {
                row.createCell(i).setCellValue(amount.doubleValue());
                row.getCell(i).setCellStyle(styles.amount);
            } else if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }

    private static void widths(XSSFSheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    /** Bars of the complaints per sub-cause, beside the table. */
    private static void chart(XSSFSheet sheet, int lines) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 6, 1, 16, 1 + Math.max(16, lines + 6));
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Litiges par sous-cause");
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
        counts.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> subCauses = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, lines, 1, 1));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, lines, 2, 2));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, counts);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(subCauses, values);
        series.setTitle("Litiges", null);
        chart.plot(data);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle amount;
        final CellStyle percent;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        }
    }
}
