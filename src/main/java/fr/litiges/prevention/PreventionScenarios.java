package fr.litiges.prevention;

import static fr.litiges.scenario.BookCells.cell;
import static fr.litiges.scenario.BookCells.isBlank;
import static fr.litiges.scenario.BookCells.key;
import static fr.litiges.scenario.BookCells.text;


import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Complaint;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.SpreadsheetLimits;
import fr.litiges.scenario.ScenarioBookKind;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' prevention scenario books ({@code scenarios/prevention*.xlsx}): in each sheet a
 * header row starting with "Scénario", then one portfolio per row, given in a few columns (one
 * invoice) or as the JSON a CRM sends, and the outcomes expected for one of its plans (blank = not checked).
 */
public final class PreventionScenarios implements ScenarioBookKind {
    private static final String NAME = "Scénario";
    private static final String INVOICE = "Facture";
    private static final String JSON = "Requête JSON";
    private static final String AS_OF = "Date du plan";
    private static final String AMOUNT = "Montant facture";
    private static final String DUE_ON = "Échéance facture";
    private static final String STATUS = "Statut facture";
    private static final String STRATEGIC = "Client stratégique";
    private static final String PREVIOUS = "Litiges sur 12 mois";
    private static final String YEARS = "Ancienneté (années)";
    private static final String DISPUTED = "Litige ouvert";
    private static final String LANGUAGE = "Langue";
    private static final List<String> INPUTS = List.of(NAME, INVOICE, JSON, AS_OF, AMOUNT, DUE_ON, STATUS, STRATEGIC, PREVIOUS, YEARS, DISPUTED, LANGUAGE);

    /** An outcome a prevention scenario may expect, with how to read it off a plan. */
    enum Expected {
        STATUS("Statut attendu", p -> String.valueOf(p.status()), false),
        TIER("Niveau de risque attendu", p -> p.riskTier() == null ? "" : p.riskTier().name(), false),
        LIKELY("Litiges probables attendus", p -> String.join(", ", p.likelyDispute().stream().map(d -> d.subCause().name()).toList()), true),
        REMINDERS("Relances attendues", p -> String.join("; ", p.reminders().stream()
                .map(r -> r.on() + " " + r.channel() + " " + r.template() + " " + (r.owner() == null ? "" : r.owner())).toList()), false),
        ACTIONS("Actions attendues", p -> String.join(", ", p.actions()), true),
        HOLD("Suspendre les relances attendu", p -> String.valueOf(p.holdDunning()), false),
        RATIONALE("Justification attendue (contient)", PreventionResponse.Plan::rationale, false);

        final String header;
        final Function<PreventionResponse.Plan, String> actual;
        final boolean set;

        Expected(String header, Function<PreventionResponse.Plan, String> actual, boolean set) {
            this.header = header;
            this.actual = actual;
            this.set = set;
        }

        boolean matches(String expected, String actualValue) {
            if (set) {
                return codes(expected).equals(codes(actualValue));
            }
            if (this == REMINDERS) {
                return reminders(expected, actualValue);
            }
            if (this == RATIONALE) {
                return actualValue != null && actualValue.toLowerCase(Locale.ROOT).contains(expected.trim().toLowerCase(Locale.ROOT));
            }
            return expected.trim().equalsIgnoreCase(actualValue.trim());
        }

        /** "2026-12-16 EMAIL COURTESY_CHECK; ...": each reminder in order; an owner is checked only when written. */
        private static boolean reminders(String expected, String actualValue) {
            List<String> want = entries(expected);
            List<String> got = entries(actualValue);
            if (want.size() != got.size()) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                String[] w = want.get(i).split("\\s+");
                String[] g = got.get(i).split("\\s+");
                for (int j = 0; j < w.length; j++) {
                    if (j >= g.length || !w[j].equalsIgnoreCase(g[j])) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static List<String> entries(String text) {
            if (text == null || text.isBlank() || text.trim().equals("-")) {
                return List.of();
            }
            return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        private static TreeSet<String> codes(String text) {
            TreeSet<String> codes = new TreeSet<>();
            if (text != null && !text.trim().equals("-")) {
                Arrays.stream(text.split("[,;\\s]+")).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(codes::add);
            }
            return codes;
        }
    }

    private final PreventionService prevention;
    private final JsonMapper json;
    private final Validator validator;

    /**
     * Found by the scenario runner through META-INF/services. Each run passes its ruleset, so the
     * service needs no active one; a gate is not serving, so it gets a generous time budget.
     */
    public PreventionScenarios() {
        this.prevention = new PreventionService(null, new DecisionProperties(5000, java.time.Duration.ofMinutes(1)));
        this.json = JsonMapper.builder().build();
        this.validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
    }

    @Override
    public boolean reads(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.startsWith("prevention") && name.endsWith(".xlsx");
    }

    @Override
    public Outcome run(Ruleset ruleset, String source, byte[] book, Set<String> fired) {
        List<RuleProblem> problems = new ArrayList<>();
        int scenarios = 0;
        int passed = 0;
        String tooBig = SpreadsheetLimits.checkSize(book.length);
        if (tooBig != null) {
            return new Outcome(0, 0, List.of(new RuleProblem(source, null, null, null, null, tooBig)));
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(book))) {
            for (Sheet sheet : workbook) {
                Map<String, Integer> columns = null;
                for (Row row : sheet) {
                    if (columns == null) {
                        if (NAME.equals(text(row.getCell(0)))) {
                            columns = header(row, source, sheet.getSheetName(), problems);
                        }
                        continue;
                    }
                    if (isBlank(row)) {
                        continue;
                    }
                    scenarios++;
                    List<RuleProblem> failures = runRow(ruleset, source, sheet.getSheetName(), row, columns, fired);
                    if (failures.isEmpty()) {
                        passed++;
                    }
                    problems.addAll(failures);
                }
            }
        } catch (Exception e) {
            problems.add(new RuleProblem(source, null, null, null, null,
                    "ce fichier n'est pas un classeur de scénarios .xlsx lisible (est-il encore en cours d'enregistrement ?) ; détail : "
                            + RuleProblem.rootMessage(e),
                    "not a readable .xlsx scenario book: " + RuleProblem.rootMessage(e)));
        }
        if (scenarios == 0 && problems.isEmpty()) {
            problems.add(new RuleProblem(source, null, null, null, null,
                    "aucun scénario trouvé : une feuille doit avoir une ligne d'en-tête commençant par « " + NAME
                            + " », puis un scénario par ligne en dessous",
                    "no scenario found: a sheet needs a header row starting with '" + NAME + "' and one scenario per row below it"));
        }
        return new Outcome(scenarios, passed, problems);
    }

    private List<RuleProblem> runRow(Ruleset ruleset, String source, String sheet, Row row, Map<String, Integer> columns, Set<String> fired) {
        int rowNumber = row.getRowNum() + 1;
        String name = cell(row, columns, NAME);
        PreventionResponse response;
        Map<Expected, String> expectations = new LinkedHashMap<>();
        try {
            if (name.isEmpty()) {
                throw new BookMistake("le scénario n'a pas de nom dans la colonne « " + NAME + " »",
                        "the scenario has no name in column '" + NAME + "'");
            }
            for (Expected expected : Expected.values()) {
                String value = cell(row, columns, expected.header);
                if (!value.isEmpty()) {
                    expectations.put(expected, value);
                }
            }
            if (expectations.isEmpty()) {
                throw new BookMistake("le scénario « " + name + " » n'attend rien : remplissez au moins une colonne de résultat attendu",
                        "scenario '" + name + "' expects nothing: fill at least one expected column");
            }
            PreventionRequest request = request(row, columns);
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                var first = violations.iterator().next();
                throw new BookMistake("le portefeuille n'est pas valide : " + first.getPropertyPath() + " " + first.getMessage(),
                        "the portfolio is not valid: " + first.getPropertyPath() + " " + first.getMessage());
            }
            String language = cell(row, columns, LANGUAGE).isEmpty() ? "en" : cell(row, columns, LANGUAGE).toLowerCase(Locale.ROOT);
            response = prevention.plan(ruleset, request, language);
        } catch (RuntimeException e) {
            String french = e instanceof BookMistake mistake ? mistake.french
                    : e instanceof DecisionFailedException failed ? failed.french() : e.getMessage();
            return List.of(new RuleProblem(source, sheet, rowNumber, null, null,
                    "le scénario « " + name + " » n'a pas pu être planifié : " + french,
                    "scenario '" + name + "' could not be planned: " + e.getMessage()));
        }
        response.plans().forEach(plan -> plan.trace().forEach(entry -> fired.add(ScenarioBookKind.firedKey(entry.source(), entry.ruleId()))));
        String invoice = cell(row, columns, INVOICE);
        PreventionResponse.Plan plan = invoice.isEmpty() ? response.plans().get(0)
                : response.plans().stream().filter(p -> p.invoice().equals(invoice)).findFirst().orElse(null);
        if (plan == null) {
            String cell = CellReference.convertNumToColString(columns.get(INVOICE)) + rowNumber;
            return List.of(RuleProblem.ofScenarioCell(source, sheet, rowNumber, cell,
                    cell + " (" + INVOICE + ") : scénario « " + name + " » : aucune facture " + invoice + " dans le portefeuille",
                    cell + " (" + INVOICE + "): scenario '" + name + "': no invoice " + invoice + " in the portfolio"));
        }
        List<RuleProblem> failures = new ArrayList<>();
        expectations.forEach((expected, want) -> {
            String actual = expected.actual.apply(plan);
            if (!expected.matches(want, actual == null ? "" : actual)) {
                // the cell of the expected value, as in the complaints' book, so the analyst goes straight to it
                String cell = CellReference.convertNumToColString(columns.get(expected.header)) + rowNumber;
                boolean none = actual == null || actual.isEmpty();
                failures.add(RuleProblem.ofScenarioCell(source, sheet, rowNumber, cell,
                        cell + " (" + expected.header + ") : scénario « " + name + " » : attendu " + want.trim() + ", obtenu "
                                + (none ? "(aucun)" : actual) + " ; si le changement est voulu, écrivez l'obtenu dans cette cellule",
                        cell + " (" + expected.header + "): scenario '" + name + "': expected " + want.trim() + ", actual "
                                + (none ? "(none)" : actual)));
            }
        });
        return failures;
    }

    private PreventionRequest request(Row row, Map<String, Integer> columns) {
        String jsonText = cell(row, columns, JSON);
        if (!jsonText.isEmpty()) {
            try {
                return json.readValue(jsonText, PreventionRequest.class);
            } catch (tools.jackson.core.JacksonException e) {
                throw new BookMistake("« " + JSON + " » ne se lit pas : vérifiez le JSON collé (détail : " + e.getOriginalMessage() + ")",
                        "'" + JSON + "' cannot be read: " + e.getOriginalMessage(), e);
            }
        }
        LocalDate asOf = date(cell(row, columns, AS_OF), LocalDate.of(2026, 12, 1), AS_OF);
        LocalDate dueOn = date(cell(row, columns, DUE_ON), asOf.plusDays(30), DUE_ON);
        String amount = cell(row, columns, AMOUNT);
        InvoiceStatus status = status(cell(row, columns, STATUS));
        Complaint.Invoice invoice = new Complaint.Invoice("F-SCENARIO", dueOn.minusDays(30), dueOn,
                new BigDecimal(amount.isEmpty() ? "5000" : amount.replace(',', '.').replace(" ", "")), "EUR", null, 30, status, List.of());
        Complaint.Customer customer = new Complaint.Customer("SCENARIO", CustomerType.BUSINESS,
                whole(cell(row, columns, YEARS), 5, YEARS), null, bool(cell(row, columns, STRATEGIC), STRATEGIC),
                whole(cell(row, columns, PREVIOUS), 0, PREVIOUS), false);
        List<String> disputes = bool(cell(row, columns, DISPUTED), DISPUTED) ? List.of("F-SCENARIO") : List.of();
        return new PreventionRequest(asOf, customer, List.of(invoice), null, null, disputes);
    }

    private static InvoiceStatus status(String text) {
        if (text.isEmpty()) {
            return InvoiceStatus.OPEN;
        }
        try {
            return InvoiceStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String known = String.join(", ", Arrays.stream(InvoiceStatus.values()).map(Enum::name).toList());
            throw new BookMistake("« " + STATUS + " » : statut inconnu « " + text + " » ; valeurs possibles : " + known,
                    "'" + STATUS + "': unknown status '" + text + "'; known values: " + known, e);
        }
    }

    private static Map<String, Integer> header(Row row, String source, String sheet, List<RuleProblem> problems) {
        Map<String, String> known = new HashMap<>();
        INPUTS.forEach(h -> known.put(key(h), h));
        for (Expected e : Expected.values()) {
            known.put(key(e.header), e.header);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            String header = text(cell);
            if (header.isEmpty()) {
                continue;
            }
            String canonical = known.get(key(header));
            if (canonical == null) {
                String cellName = CellReference.convertNumToColString(cell.getColumnIndex()) + (row.getRowNum() + 1);
                String list = String.join(", ", known.values().stream().sorted().toList());
                problems.add(RuleProblem.ofScenarioCell(source, sheet, row.getRowNum() + 1, cellName,
                        cellName + " : colonne inconnue « " + header + " » ; colonnes possibles : " + list,
                        cellName + ": unknown column '" + header + "'; known columns: " + list));
            } else {
                columns.put(canonical, cell.getColumnIndex());
            }
        }
        return columns;
    }

    private static LocalDate date(String text, LocalDate fallback, String column) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new BookMistake("« " + column + " » : écrivez une date sous la forme 2026-12-01, pas « " + text + " »",
                    "'" + column + "': write a date as 2026-12-01, not '" + text + "'", e);
        }
    }

    private static int whole(String text, int fallback, String column) {
        try {
            return text.isEmpty() ? fallback : new BigDecimal(text.replace(',', '.')).intValueExact();
        } catch (RuntimeException e) {
            throw new BookMistake("« " + column + " » : « " + text + " » n'est pas un nombre entier",
                    "'" + column + "': '" + text + "' is not a whole number", e);
        }
    }

    private static boolean bool(String text, String column) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "false", "faux", "non", "no", "0" -> false;
            case "true", "vrai", "oui", "yes", "1" -> true;
            default -> throw new BookMistake("« " + column + " » : écrivez oui ou non, pas « " + text + " »",
                    "'" + column + "': write true or false, not '" + text + "'", null);
        };
    }


    /** A mistake in a scenario row, in the analyst's French, with the English for Accept-Language: en. */
    private static final class BookMistake extends IllegalArgumentException {
        private final String french;

        BookMistake(String french, String english) {
            this(french, english, null);
        }

        BookMistake(String french, String english, Throwable cause) {
            super(english, cause);
            this.french = french;
        }
    }
}
