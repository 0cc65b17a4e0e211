package fr.litiges.ruleset;

import fr.litiges.decision.api.Codes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads one cell of a decision table as the type its column description gives, accepting what a
 * French analyst types ({@code 0,75}, {@code 75 %}, {@code 10 000 €}, {@code oui}), and either
 * returns the value the rule engine should see or says, in French and English, what to write.
 */
final class CellValues {

    /** The types an analyst can give a column, with the words accepted for each in the sheet Colonnes. */
    enum Type {
        CODES("codes", "liste de codes", "code", "code list", "liste"),
        NUMBER("nombre", "number", "entier", "integer"),
        AMOUNT("montant", "amount"),
        PERCENT("pourcentage", "percentage", "taux", "rate"),
        DAYS("jours", "days", "duree"),
        DATE("date"),
        BOOLEAN("booleen", "boolean", "ouinon"),
        TEXT("texte", "text"),
        ID("identifiant", "id");

        private final List<String> words;

        Type(String... words) {
            this.words = Arrays.stream(words).map(TableLayout::key).toList();
        }

        static Type of(String word) {
            String key = TableLayout.key(word);
            for (Type type : values()) {
                if (type.words.contains(key)) {
                    return type;
                }
            }
            return null;
        }

        static final String FRENCH_NAMES = "codes, nombre, montant, pourcentage, jours, date, booléen, texte, identifiant";
    }

    /** A contract code list, with the noun that names one of its codes in a message. */
    record CodeList(String name, Set<String> codes, String frenchNoun, boolean feminine, String englishNoun) {
    }

    /** The contract's code lists (decision-api.md, "Codes"), by the name a description gives. */
    static final Map<String, CodeList> CONTRACT = contract();

    private static Map<String, CodeList> contract() {
        Map<String, CodeList> lists = new LinkedHashMap<>();
        add(lists, "Channel", Codes.Channel.values(), "canal", false, "channel");
        add(lists, "SubCause", Codes.SubCause.values(), "sous-cause", true, "sub-cause");
        add(lists, "Cause", Codes.Cause.values(), "cause", true, "cause");
        add(lists, "Department", Codes.Department.values(), "service", false, "department");
        add(lists, "Priority", Codes.Priority.values(), "priorité", true, "priority");
        add(lists, "PaymentPolicy", Codes.PaymentPolicy.values(), "politique de paiement", true, "payment policy");
        add(lists, "CustomerType", Codes.CustomerType.values(), "type de client", false, "customer type");
        add(lists, "ReasonCode", Codes.ReasonCode.values(), "motif CRM", false, "CRM reason code");
        add(lists, "Confidence", Codes.Confidence.values(), "confiance", true, "confidence");
        add(lists, "AttemptOutcome", Codes.AttemptOutcome.values(), "résultat de tentative", false, "attempt outcome");
        add(lists, "InvoiceStatus", Codes.InvoiceStatus.values(), "statut de facture", false, "invoice status");
        return lists;
    }

    private static void add(Map<String, CodeList> lists, String name, Enum<?>[] values, String fr, boolean feminine, String en) {
        Set<String> codes = new LinkedHashSet<>();
        for (Enum<?> value : values) {
            codes.add(value.name());
        }
        lists.put(TableLayout.key(name), new CodeList(name, Set.copyOf(codes), fr, feminine, en));
        lists.put(TableLayout.key(name) + "#order", new CodeList(name, codes, fr, feminine, en));
    }

    /** What to do with a cell: the value the engine sees, or a problem in both languages. */
    record Outcome(String value, String french, String english) {
        static Outcome ok(String value) {
            return new Outcome(value, null, null);
        }

        static Outcome problem(String french, String english) {
            return new Outcome(null, french, english);
        }

        boolean failed() {
            return french != null;
        }
    }

    private static final Pattern RANGE = Pattern.compile("^\\s*(-?[\\d ,.]+)\\s*(?:à|a|to|-|\\.\\.)\\s*(-?[\\d ,.]+)\\s*$");
    private static final Pattern AT_LEAST = Pattern.compile("^\\s*(?:>=|≥|au moins|at least|min(?:imum)?)\\s*(-?[\\d ,.]+)\\s*$");
    private static final Pattern AT_MOST = Pattern.compile("^\\s*(?:<=|≤|au plus|at most|max(?:imum)?)\\s*(-?[\\d ,.]+)\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern ID_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern CODE_VALUE = Pattern.compile("[A-Z0-9_]+");

    private CellValues() {
    }

    /**
     * Checks a non-blank cell against its column's type and allowed values.
     *
     * @param lists the analysts' own lists of the workbook, for a "codes" column naming one
     */
    static Outcome check(Cell cell, String raw, Type type, String allowed, ColumnDescriptions lists) {
        return switch (type) {
            case CODES -> code(raw, allowed, lists);
            case NUMBER, AMOUNT, PERCENT, DAYS -> number(cell, raw, type, allowed);
            case DATE -> date(cell, raw);
            case BOOLEAN -> bool(cell, raw);
            case TEXT -> text(raw, allowed);
            case ID -> ID_VALUE.matcher(raw).matches() ? Outcome.ok(raw)
                    : Outcome.problem("identifiant « " + raw + " » mal formé : lettres, chiffres, « - », « _ » ou « . », sans espace (par exemple CAN-001)",
                    "malformed ID '" + raw + "': letters, digits, '-', '_' or '.', no spaces (for example CAN-001)");
        };
    }

    private static Outcome code(String raw, String allowed, ColumnDescriptions lists) {
        String value = raw.trim();
        CodeList contract = allowed == null ? null : CONTRACT.get(TableLayout.key(allowed) + "#order");
        Set<String> codes;
        String frNoun;
        String enNoun;
        boolean feminine = false;
        String fix;
        String fixEn;
        if (contract != null) {
            codes = contract.codes();
            frNoun = contract.frenchNoun();
            feminine = contract.feminine();
            enNoun = contract.englishNoun();
            fix = "";
            fixEn = "";
        } else if (allowed != null && lists.list(allowed) != null) {
            codes = lists.list(allowed);
            String list = lists.listName(allowed);
            frNoun = "code de la liste « " + list + " »";
            enNoun = "code of the list '" + list + "'";
            fix = " ; pour un nouveau code, ajoutez-le d'abord à la feuille " + ColumnDescriptions.LISTS + " (liste « " + list + " »)";
            fixEn = "; for a new code, first add it to the sheet " + ColumnDescriptions.LISTS + " (list '" + list + "')";
        } else {
            codes = new LinkedHashSet<>();
            for (String code : (allowed == null ? "" : allowed).split("[,;]")) {
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            }
            frNoun = "code";
            enNoun = "code";
            fix = "";
            fixEn = "";
        }
        if (codes.contains(value)) {
            return Outcome.ok(value);
        }
        for (String code : codes) {
            if (code.equalsIgnoreCase(value)) {
                return Outcome.ok(code);
            }
        }
        String possible = String.join(", ", codes);
        String near = nearest(value, codes);
        String frUnknown = frNoun + (feminine ? " inconnue" : " inconnu");
        return Outcome.problem(
                frUnknown + " « " + value + " »" + (near == null ? "" : " (vouliez-vous écrire « " + near + " » ?)")
                        + " ; valeurs possibles : " + possible + fix,
                "unknown " + enNoun + " '" + value + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                        + "; possible values: " + possible + fixEn);
    }

    /** The code within two edits of what was typed, if there is exactly one such. */
    private static String nearest(String value, Set<String> codes) {
        String best = null;
        int bestDistance = 3;
        for (String code : codes) {
            int d = distance(value.toUpperCase(Locale.ROOT), code.toUpperCase(Locale.ROOT));
            if (d < bestDistance) {
                best = code;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Outcome number(Cell cell, String raw, Type type, String allowed) {
        BigDecimal value;
        boolean percentSign = false;
        if (cell != null && cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            value = BigDecimal.valueOf(cell.getNumericCellValue());
        } else {
            String text = raw.replace('\u00a0', ' ').replace('\u202f', ' ').trim();
            if (text.endsWith("%")) {
                percentSign = true;
                text = text.substring(0, text.length() - 1).trim();
            }
            String unit = "";
            Matcher suffix = Pattern.compile("^(.*?)\\s*(€|eur|euros?|j|jours?|days?)$", Pattern.CASE_INSENSITIVE).matcher(text);
            if (suffix.matches()) {
                text = suffix.group(1);
                unit = suffix.group(2).toLowerCase(Locale.ROOT);
            }
            if (!unit.isEmpty() && (unit.startsWith("j") || unit.startsWith("d")) != (type == Type.DAYS)) {
                return notANumber(raw, type);
            }
            if (percentSign && type != Type.PERCENT) {
                return Outcome.problem("« " + raw + " » : cette colonne attend " + expected(type) + ", pas un pourcentage",
                        "'" + raw + "': this column expects " + expectedEn(type) + ", not a percentage");
            }
            text = text.replace(" ", "");
            if (text.contains(",") && text.contains(".")) {
                return Outcome.problem("« " + raw + " » : écrivez le nombre sans séparateur de milliers, avec une virgule décimale (par exemple 1000,5)",
                        "'" + raw + "': write the number without thousands separators, with one decimal mark (for example 1000.5)");
            }
            text = text.replace(',', '.');
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return notANumber(raw, type);
            }
            if (percentSign) {
                value = value.movePointLeft(2);
            }
        }
        if (type == Type.PERCENT && !percentSign && value.compareTo(BigDecimal.ONE) > 0) {
            return Outcome.problem("« " + raw + " » : un taux s'écrit entre 0 et 1 ; écrivez " + value.movePointLeft(2).stripTrailingZeros().toPlainString().replace('.', ',')
                            + " ou " + value.stripTrailingZeros().toPlainString().replace('.', ',') + " %",
                    "'" + raw + "': a rate is written between 0 and 1; write " + value.movePointLeft(2).stripTrailingZeros().toPlainString()
                            + " or " + value.stripTrailingZeros().toPlainString() + " %");
        }
        if (type == Type.DAYS && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
            return Outcome.problem("« " + raw + " » : un nombre de jours est un entier positif ou nul (par exemple 15)",
                    "'" + raw + "': a number of days is a whole number, zero or more (for example 15)");
        }
        String range = rangeProblem(value, allowed);
        if (range != null) {
            return Outcome.problem("« " + raw + " » hors des valeurs permises (" + allowed.trim() + ")",
                    "'" + raw + "' is outside the allowed values (" + allowed.trim() + ")");
        }
        return Outcome.ok(value.stripTrailingZeros().toPlainString());
    }

    private static Outcome notANumber(String raw, Type type) {
        return Outcome.problem("« " + raw + " » n'est pas " + expected(type) + " ; écrivez par exemple " + example(type),
                "'" + raw + "' is not " + expectedEn(type) + "; write for example " + exampleEn(type));
    }

    private static String expected(Type type) {
        return switch (type) {
            case PERCENT -> "un taux";
            case DAYS -> "un nombre de jours";
            case AMOUNT -> "un montant";
            default -> "un nombre";
        };
    }

    private static String expectedEn(Type type) {
        return switch (type) {
            case PERCENT -> "a rate";
            case DAYS -> "a number of days";
            case AMOUNT -> "an amount";
            default -> "a number";
        };
    }

    private static String example(Type type) {
        return switch (type) {
            case PERCENT -> "0,75 ou 75 %";
            case DAYS -> "15";
            case AMOUNT -> "10000, 10 000 ou 10 000 €";
            default -> "2 ou 0,5";
        };
    }

    private static String exampleEn(Type type) {
        return switch (type) {
            case PERCENT -> "0.75 or 75 %";
            case DAYS -> "15";
            case AMOUNT -> "10000, 10 000 or 10 000 €";
            default -> "2 or 0.5";
        };
    }

    /** Null when the value is within the description's range (or none is given), else why not. */
    private static String rangeProblem(BigDecimal value, String allowed) {
        if (allowed == null || allowed.isBlank()) {
            return null;
        }
        Matcher range = RANGE.matcher(allowed);
        Matcher atLeast = AT_LEAST.matcher(allowed);
        Matcher atMost = AT_MOST.matcher(allowed);
        try {
            if (range.matches()) {
                return value.compareTo(bound(range.group(1))) < 0 || value.compareTo(bound(range.group(2))) > 0 ? "out" : null;
            }
            if (atLeast.matches()) {
                return value.compareTo(bound(atLeast.group(1))) < 0 ? "out" : null;
            }
            if (atMost.matches()) {
                return value.compareTo(bound(atMost.group(1))) > 0 ? "out" : null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static BigDecimal bound(String text) {
        return new BigDecimal(text.replace(" ", "").replace(',', '.'));
    }

    /** True when the allowed values of a number column cannot be read as a range. */
    static boolean unreadableRange(String allowed) {
        return allowed != null && !allowed.isBlank() && !RANGE.matcher(allowed).matches() && !AT_LEAST.matcher(allowed).matches()
                && !AT_MOST.matcher(allowed).matches();
    }

    private static Outcome date(Cell cell, String raw) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return Outcome.ok(cell.getLocalDateTimeCellValue().toLocalDate().toString());
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
            try {
                return Outcome.ok(LocalDate.parse(raw.trim(), format).toString());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Outcome.problem("« " + raw + " » n'est pas une date ; écrivez par exemple 20/11/2026 ou 2026-11-20",
                "'" + raw + "' is not a date; write for example 2026-11-20 or 20/11/2026");
    }

    private static Outcome bool(Cell cell, String raw) {
        if (cell != null && cell.getCellType() == CellType.BOOLEAN) {
            return Outcome.ok(Boolean.toString(cell.getBooleanCellValue()));
        }
        String key = TableLayout.key(raw);
        if (List.of("oui", "vrai", "true", "yes", "o", "x", "1").contains(key)) {
            return Outcome.ok("true");
        }
        if (List.of("non", "faux", "false", "no", "n", "0").contains(key)) {
            return Outcome.ok("false");
        }
        return Outcome.problem("« " + raw + " » : écrivez oui ou non (ou true / false), ou laissez vide pour « peu importe »",
                "'" + raw + "': write yes or no (or true / false), or leave it blank for 'any'");
    }

    private static Outcome text(String raw, String allowed) {
        if (raw.contains("\"") || raw.contains("\\")) {
            return Outcome.problem("le texte contient un guillemet droit \" ou une barre oblique inverse \\ ; remplacez-les par « », “ ” ou /",
                    "the text contains a straight quote \" or a backslash \\; use « », “ ” or / instead");
        }
        if (allowed != null && allowed.contains("{")) {
            Set<String> known = new LinkedHashSet<>();
            Matcher allowedMarks = PLACEHOLDER.matcher(allowed);
            while (allowedMarks.find()) {
                known.add(allowedMarks.group(0));
            }
            Matcher used = PLACEHOLDER.matcher(raw);
            while (used.find()) {
                if (!known.contains(used.group(0))) {
                    return Outcome.problem("repère inconnu " + used.group(0) + " ; repères possibles : " + String.join(", ", known),
                            "unknown placeholder " + used.group(0) + "; possible placeholders: " + String.join(", ", known));
                }
            }
        }
        return Outcome.ok(raw);
    }

    /** Whether a code list name in a description is one of the contract's. */
    static boolean isContractList(String name) {
        return name != null && CONTRACT.containsKey(TableLayout.key(name));
    }

    static boolean isCode(String value) {
        return CODE_VALUE.matcher(value).matches();
    }
}
