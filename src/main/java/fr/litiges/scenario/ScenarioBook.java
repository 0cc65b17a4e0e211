package fr.litiges.scenario;

import static fr.litiges.scenario.BookCells.cell;
import static fr.litiges.scenario.BookCells.isBlank;
import static fr.litiges.scenario.BookCells.key;
import static fr.litiges.scenario.BookCells.text;

import fr.litiges.decision.api.Codes.AttemptOutcome;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Codes.ReasonCode;
import fr.litiges.decision.api.Complaint;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.SpreadsheetLimits;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an analyst's scenario book: in each sheet, a header row whose first cell is
 * "Scénario", then one scenario per row. A complaint is described either in a few business
 * columns (customer, text, reason codes, one invoice, attempts) or as the JSON a CRM sends;
 * the expected outcomes are the columns named after {@link Expectation} (blank = not checked).
 */
final class ScenarioBook {
    static final String NAME = "Scénario";
    static final String JSON = "Requête JSON";
    static final String RECEIVED_ON = "Reçu le";
    static final String CUSTOMER_TYPE = "Type de client";
    static final String STRATEGIC = "Client stratégique";
    static final String MEDIATION_CLAUSE = "Clause de médiation";
    static final String TEXT = "Texte du client";
    static final String REASONS = "Motifs CRM";
    static final String INVOICE_AMOUNT = "Montant facture";
    static final String INVOICE_DUE_ON = "Échéance facture";
    static final String INVOICE_TERMS = "Délai de paiement (jours)";
    static final String INVOICE_STATUS = "Statut facture";
    static final String ATTEMPTS = "Tentatives";
    static final String LANGUAGE = "Langue";
    private static final List<String> INPUTS = List.of(NAME, JSON, RECEIVED_ON, CUSTOMER_TYPE, STRATEGIC, MEDIATION_CLAUSE, TEXT,
            REASONS, INVOICE_AMOUNT, INVOICE_DUE_ON, INVOICE_TERMS, INVOICE_STATUS, ATTEMPTS, LANGUAGE);
    // The blanks of a short scenario row (received on 2026-11-20, a business customer, one EUR invoice
    // issued 30 days before and due 10 days after, OPEN) are the scenario books' notation, stated in
    // each sheet's note: they only shape the made-up complaint of a row that leaves them out, never a
    // real complaint's decision, and every figure that decides stays in the tables (issue #15).
    private static final LocalDate DEFAULT_RECEIVED_ON = LocalDate.of(2026, 11, 20);

    private final JsonMapper json;
    private final Validator validator;

    ScenarioBook(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    record Content(List<Scenario> scenarios, List<RuleProblem> problems) {
    }

    Content read(String source, byte[] bytes) {
        List<Scenario> scenarios = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        String tooBig = SpreadsheetLimits.checkSize(bytes.length);
        if (tooBig != null) {
            return new Content(List.of(), List.of(new RuleProblem(source, null, null, null, null, tooBig)));
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            String tooLong = SpreadsheetLimits.checkRows(workbook);
            if (tooLong != null) {
                return new Content(List.of(), List.of(new RuleProblem(source, null, null, null, null, tooLong)));
            }
            for (Sheet sheet : workbook) {
                readSheet(source, sheet, scenarios, problems);
            }
        } catch (Exception e) {
            problems.add(new RuleProblem(source, null, null, null, null, "not a readable .xlsx scenario book: " + e.getMessage()));
        }
        if (scenarios.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem(source, null, null, null, null,
                    "no scenario found: a sheet needs a header row starting with '" + NAME + "' and one scenario per row below it"));
        }
        return new Content(scenarios, problems);
    }

    /** An expected value to write: sheet, cell, which expectation, and the value the rules now give. */
    record Rewrite(String sheet, String cell, Expectation expectation, String actual) {
    }

    /**
     * A copy of a book with the given expected values written in, keeping each cell's kind: a
     * number stays a number, a date a date. An empty list is written "-", as analysts do.
     */
    static byte[] rewrite(byte[] book, List<Rewrite> rewrites) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(book));
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (Rewrite rewrite : rewrites) {
                org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(rewrite.cell());
                Sheet sheet = workbook.getSheet(rewrite.sheet());
                Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
                Cell cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
                write(cell, rewrite.expectation(), rewrite.actual());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Expectation expectation, String actual) {
        boolean numeric = cell.getCellType() == CellType.NUMERIC;
        if (numeric && DateUtil.isCellDateFormatted(cell) && !actual.isEmpty()) {
            cell.setCellValue(LocalDate.parse(actual));
        } else if (numeric && !actual.isEmpty()) {
            cell.setCellValue(new BigDecimal(actual).doubleValue());
        } else if (actual.isEmpty() && (expectation == Expectation.ACTIONS || expectation == Expectation.ALSO_INVOLVED
                || expectation == Expectation.ALL_SUB_CAUSES || expectation == Expectation.ESCALATION_PATH)) {
            cell.setCellValue("-");
        } else {
            cell.setCellValue(actual);
        }
    }

    private void readSheet(String source, Sheet sheet, List<Scenario> scenarios, List<RuleProblem> problems) {
        Map<String, Integer> columns = null;
        for (Row row : sheet) {
            if (columns == null) {
                if (NAME.equals(text(row.getCell(0)))) {
                    columns = header(row, source, sheet, problems);
                }
                continue;
            }
            if (isBlank(row)) {
                continue;
            }
            int rowNumber = row.getRowNum() + 1;
            try {
                scenarios.add(scenario(source, sheet.getSheetName(), rowNumber, row, columns));
            } catch (IllegalArgumentException | JacksonException | DateTimeParseException e) {
                problems.add(RuleProblem.ofScenario(source, sheet.getSheetName(), rowNumber, e.getMessage()));
            }
        }
    }

    private static Map<String, Integer> header(Row row, String source, Sheet sheet, List<RuleProblem> problems) {
        Map<String, String> known = new HashMap<>();
        INPUTS.forEach(h -> known.put(key(h), h));
        for (Expectation e : Expectation.values()) {
            known.put(key(e.header()), e.header());
        }
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            String header = text(cell);
            if (header.isEmpty()) {
                continue;
            }
            String canonical = known.get(key(header));
            if (canonical == null) {
                problems.add(RuleProblem.ofScenario(source, sheet.getSheetName(), row.getRowNum() + 1,
                        "unknown column '" + header + "'; known columns: " + String.join(", ", known.values().stream().sorted().toList())));
            } else {
                columns.put(canonical, cell.getColumnIndex());
            }
        }
        return columns;
    }

    private Scenario scenario(String source, String sheet, int rowNumber, Row row, Map<String, Integer> columns) {
        String name = cell(row, columns, NAME);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the scenario has no name in column '" + NAME + "'");
        }
        Complaint complaint = cell(row, columns, JSON).isEmpty() ? fromColumns(name, row, columns) : fromJson(row, columns);
        Set<ConstraintViolation<Complaint>> violations = validator.validate(complaint);
        if (!violations.isEmpty()) {
            ConstraintViolation<Complaint> first = violations.iterator().next();
            throw new IllegalArgumentException("the complaint is not valid: " + first.getPropertyPath() + " " + first.getMessage());
        }
        Map<Expectation, String> expectations = new EnumMap<>(Expectation.class);
        Map<Expectation, String> cells = new EnumMap<>(Expectation.class);
        for (Expectation expectation : Expectation.values()) {
            String expected = cell(row, columns, expectation.header());
            if (!expected.isEmpty()) {
                expectations.put(expectation, expected);
            }
            Integer column = columns.get(expectation.header());
            if (column != null) {
                cells.put(expectation, new org.apache.poi.ss.util.CellReference(rowNumber - 1, column).formatAsString(false));
            }
        }
        if (expectations.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + name + "' expects nothing: fill at least one expected column");
        }
        String language = cell(row, columns, LANGUAGE).isEmpty() ? "en" : cell(row, columns, LANGUAGE).toLowerCase(Locale.ROOT);
        return new Scenario(source, sheet, rowNumber, name, complaint, language, expectations, cells);
    }

    private Complaint fromJson(Row row, Map<String, Integer> columns) {
        for (String input : INPUTS) {
            if (!input.equals(NAME) && !input.equals(JSON) && !input.equals(LANGUAGE) && !cell(row, columns, input).isEmpty()) {
                throw new IllegalArgumentException("give the complaint either as '" + JSON + "' or in the other columns, not both ('"
                        + input + "' is filled)");
            }
        }
        return json.readValue(cell(row, columns, JSON), Complaint.class);
    }

    private static Complaint fromColumns(String name, Row row, Map<String, Integer> columns) {
        LocalDate receivedOn = date(row, columns, RECEIVED_ON, DEFAULT_RECEIVED_ON);
        CustomerType type = code(CustomerType.class, cell(row, columns, CUSTOMER_TYPE), CustomerType.BUSINESS, CUSTOMER_TYPE);
        Complaint.Customer customer = new Complaint.Customer("SCENARIO", type, null, null,
                bool(cell(row, columns, STRATEGIC), STRATEGIC), null, bool(cell(row, columns, MEDIATION_CLAUSE), MEDIATION_CLAUSE));
        List<ReasonCode> reasons = new ArrayList<>();
        for (String code : cell(row, columns, REASONS).split("[,;\\s]+")) {
            if (!code.isBlank()) {
                reasons.add(code(ReasonCode.class, code, null, REASONS));
            }
        }
        List<Complaint.Invoice> invoices = new ArrayList<>();
        String amount = cell(row, columns, INVOICE_AMOUNT);
        if (!amount.isEmpty()) {
            String terms = cell(row, columns, INVOICE_TERMS);
            invoices.add(new Complaint.Invoice("F-SCENARIO", receivedOn.minusDays(30), date(row, columns, INVOICE_DUE_ON, receivedOn.plusDays(10)),
                    number(amount, INVOICE_AMOUNT), "EUR", null, terms.isEmpty() ? null : number(terms, INVOICE_TERMS).intValueExact(),
                    code(InvoiceStatus.class, cell(row, columns, INVOICE_STATUS), InvoiceStatus.OPEN, INVOICE_STATUS), List.of()));
        }
        List<Complaint.ResolutionAttempt> attempts = new ArrayList<>();
        for (String attempt : cell(row, columns, ATTEMPTS).split(";")) {
            if (attempt.isBlank()) {
                continue;
            }
            String[] parts = attempt.trim().split("\\s+");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("'" + ATTEMPTS + "': write each attempt as CHANNEL OUTCOME [date], separated by ';' (got '"
                        + attempt.trim() + "')");
            }
            attempts.add(new Complaint.ResolutionAttempt(code(Channel.class, parts[0], null, ATTEMPTS), parts.length == 3 ? LocalDate.parse(parts[2]) : null,
                    code(AttemptOutcome.class, parts[1], null, ATTEMPTS)));
        }
        String text = cell(row, columns, TEXT);
        return new Complaint(id(name), receivedOn, text.isEmpty() ? null : text, reasons, customer, invoices, null, List.of(), null, attempts);
    }

    private static String id(String name) {
        String id = name.replaceAll("[^A-Za-z0-9._:/-]+", "-");
        return id.length() > 64 ? id.substring(0, 64) : id.isEmpty() ? "SCENARIO" : id;
    }

    private static <E extends Enum<E>> E code(Class<E> type, String text, E fallback, String column) {
        if (text.isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException("'" + column + "' is empty");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + column + "': unknown code '" + text.trim() + "'", e);
        }
    }

    private static boolean bool(String text, String column) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "false", "faux", "non", "no", "0" -> false;
            case "true", "vrai", "oui", "yes", "1" -> true;
            default -> throw new IllegalArgumentException("'" + column + "': write true or false, not '" + text + "'");
        };
    }

    private static BigDecimal number(String text, String column) {
        try {
            return new BigDecimal(text.replace(',', '.').replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + column + "': '" + text + "' is not a number", e);
        }
    }

    private static LocalDate date(Row row, Map<String, Integer> columns, String column, LocalDate fallback) {
        Integer index = columns.get(column);
        Cell cell = index == null ? null : row.getCell(index);
        if (cell == null || text(cell).isEmpty()) {
            return fallback;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        try {
            return LocalDate.parse(text(cell));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + column + "': write a date as 2026-11-20, not '" + text(cell) + "'", e);
        }
    }
}
