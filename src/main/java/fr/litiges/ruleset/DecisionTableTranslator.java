package fr.litiges.ruleset;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * Turns an analyst's spreadsheet into DRL ourselves instead of handing it to the KIE file
 * system, because (1) KIE silently ignores a table whose name does not end in .drl.xlsx,
 * (2) a malformed table can compile to nothing without a word, and (3) errors must name the
 * sheet and row the analyst sees, which KIE does not know.
 */
final class DecisionTableTranslator {
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("\\b(?:cell|Cell)\\s+([A-Z]{1,3})(\\d+)");
    private static final Pattern RULE_VALUES_AT = Pattern.compile("^// rule values at ([A-Z]{1,3})(\\d+)");
    private static final Pattern RULE_DECLARATION = Pattern.compile("^rule \"(.+)\"\\s*$");
    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("^package\\s+([\\w.]+)\\s*;?");

    /** A table's anchor cell: where "RuleTable name" is written. */
    record TableAnchor(String sheet, int row, String cell, String name) {
    }

    /** The generated DRL and, for each generated line, the spreadsheet row it came from. */
    record Translation(String drl, String packageName, Map<String, RuleOrigin> rules, List<RuleProblem> problems,
                       int[] lineToRuleStart, List<String> ruleNamesByStart, List<String> tableNames) {

        /** The origin of the rule whose text contains the given 1-based line of the generated DRL. */
        RuleOrigin ruleAtLine(int line) {
            RuleOrigin found = null;
            for (int i = 0; i < lineToRuleStart.length && lineToRuleStart[i] <= line; i++) {
                found = rules.get(ruleNamesByStart.get(i));
            }
            return found;
        }
    }

    Translation translate(RuleFile file) {
        List<RuleProblem> problems = new ArrayList<>();
        String source = file.source();
        String tooBig = SpreadsheetLimits.checkSize(file.bytes().length);
        if (tooBig != null) {
            problems.add(RuleProblem.inFile(source, SpreadsheetLimits.french(tooBig), tooBig));
            return empty(problems);
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.bytes()))) {
            String tooLong = SpreadsheetLimits.checkRows(workbook);
            if (tooLong != null) {
                problems.add(RuleProblem.inFile(source, SpreadsheetLimits.french(tooLong), tooLong));
                return empty(problems);
            }
            List<TableAnchor> anchors = findAnchors(workbook);
            if (anchors.isEmpty()) {
                problems.add(RuleProblem.inFile(source,
                        "aucune cellule « RuleTable » dans aucune feuille : ce classeur ne contient pas de table de décision "
                                + "(un classeur de notes ou de scénarios n'a pas sa place dans ce dossier)",
                        "no 'RuleTable' cell in any sheet: the workbook yields no rule (is it a decision table?)"));
                return empty(problems);
            }
            checkColumnTypes(workbook, anchors, source, problems);
            Map<String, TableStage> stages = readStages(workbook, anchors, source, problems);
            List<TableLayout> layouts = TableLayout.of(workbook);
            Map<String, String> ids = new TableCellCheck(source, ColumnDescriptions.of(workbook)).check(workbook, layouts, problems);
            if (!problems.isEmpty()) {
                return empty(problems);
            }
            TableCellCheck.hideIdColumns(workbook, layouts);
            SheetTracker tracker = new SheetTracker();
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            String drl;
            try {
                // One entry per sheet: given a plain list, the parser reads the first sheet only.
                Map<String, List<DataListener>> everySheet = new LinkedHashMap<>();
                for (Sheet sheet : workbook) {
                    if (!ColumnDescriptions.isDescriptionSheet(sheet.getSheetName())) {
                        everySheet.put(sheet.getSheetName(), List.of(tracker, listener));
                    }
                }
                new ExcelParser(everySheet).parseWorkbook(workbook);
                drl = new SpreadsheetCompiler().listenerToString(listener);
            } catch (RuntimeException e) {
                problems.add(locate(source, tracker, e));
                return empty(problems);
            }
            return index(source, drl, anchors, ids, stages, problems);
        } catch (Exception e) {
            problems.add(RuleProblem.inFile(source, "ce fichier n'est pas un classeur .xlsx lisible (est-il encore en cours d'enregistrement ?) ; détail : "
                    + RuleProblem.rootMessage(e), "not a readable .xlsx workbook: " + RuleProblem.rootMessage(e)));
            return empty(problems);
        }
    }

    private static Translation empty(List<RuleProblem> problems) {
        return new Translation("", null, Map.of(), problems, new int[0], List.of(), List.of());
    }

    private static List<TableAnchor> findAnchors(Workbook workbook) {
        List<TableAnchor> anchors = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING) {
                        continue;
                    }
                    String text = cell.getStringCellValue().trim();
                    if (text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                        String name = text.substring("ruletable".length()).trim();
                        anchors.add(new TableAnchor(sheet.getSheetName(), row.getRowNum() + 1,
                                new CellReference(cell).formatAsString(false), name));
                    }
                }
            }
        }
        return anchors;
    }

    /**
     * The row under "RuleTable" says what each column is. Drools skips a column whose type it
     * does not know, so a typo such as CONDITON would silently turn a condition into "always":
     * refuse it, naming the cell.
     */
    private static void checkColumnTypes(Workbook workbook, List<TableAnchor> anchors, String source, List<RuleProblem> problems) {
        for (TableAnchor anchor : anchors) {
            Sheet sheet = workbook.getSheet(anchor.sheet());
            Row keywords = sheet.getRow(anchor.row());
            int firstColumn = new CellReference(anchor.cell()).getCol();
            if (keywords == null) {
                problems.add(RuleProblem.atRow(source, anchor.sheet(), anchor.row() + 1, null,
                        "la table « " + anchor.name() + " » n'a pas de ligne de types de colonnes (CONDITION, ACTION, …) sous son nom",
                        "table '" + anchor.name() + "' has no row of column types (CONDITION, ACTION, ...) under its name"));
                continue;
            }
            boolean condition = false;
            boolean action = false;
            for (Cell cell : keywords) {
                if (cell.getColumnIndex() < firstColumn) {
                    continue;
                }
                String type = cell.toString().trim().toUpperCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                if (!COLUMN_TYPES.contains(type)) {
                    String where = new CellReference(cell).formatAsString(false);
                    problems.add(RuleProblem.atRow(source, anchor.sheet(), anchor.row() + 1, where,
                            where + " : type de colonne inconnu « " + cell.toString().trim() + " » dans la table « " + anchor.name()
                                    + " » (ligne technique masquée) ; écrivez CONDITION ou ACTION (ou METADATA, NAME pour la colonne ID)",
                            where + ": unknown column type '" + cell.toString().trim() + "' in table '" + anchor.name()
                                    + "': expected CONDITION, ACTION, METADATA, NAME, DESCRIPTION or a rule attribute"));
                }
                condition |= type.equals("CONDITION") || type.equals("C");
                action |= type.equals("ACTION") || type.equals("A");
            }
            if (!action) {
                problems.add(RuleProblem.atRow(source, anchor.sheet(), anchor.row() + 1, null,
                        "la table « " + anchor.name() + " » n'a pas de colonne ACTION : ses lignes ne décideraient rien",
                        "table '" + anchor.name() + "' has no ACTION column: its rows would decide nothing"));
            }
            if (!condition && problems.isEmpty()) {
                // A table of actions only is legal Drools (every row always applies); nothing to report.
                continue;
            }
        }
    }

    /**
     * What the row just above a table's "RuleTable" cell declares, in label/value pairs:
     * "Étape" (the decision stage the table runs in), "Lignes" ("la première qui correspond"
     * when the first matching row alone decides, "toutes celles qui correspondent" otherwise) and
     * "Plans de prévention" ("oui" when prevention plans, which run without stages, use the
     * table too). A table without it runs after every stage, as before stages existed. A prevention
     * table has no decision stage: it may declare "Lignes" alone (its plan asks its questions one at a
     * time, so a first-match group holds one question's rows).
     */
    record TableStage(String stage, boolean firstMatch, boolean prevention) {
        String attributes(String source, TableAnchor anchor) {
            // ruleflow-group, not the deprecated agenda-group: the Drools 10 compiler gives the rule the
            // agenda group of the same name, so focus, activation groups and auto-focus work alike.
            StringBuilder text = new StringBuilder();
            if (stage != null) {
                text.append(" ruleflow-group \"").append(stage).append('"');
            }
            if (firstMatch) {
                // One group per table: the first matching row (highest salience, the table being sequential) fires, the others are cancelled.
                text.append(" activation-group \"").append(source).append(" / ").append(anchor.name()).append('"');
            }
            if (prevention) {
                // A prevention plan sets no focus: the group takes the focus itself when one of these rows matches.
                text.append(" auto-focus true");
            }
            return text.toString();
        }
    }

    static final String STAGE = "etape";
    static final String ROWS = "lignes";
    static final String PREVENTION = "plansdeprevention";
    static final String FIRST_MATCH = "la première qui correspond";
    static final String EVERY_MATCH = "toutes celles qui correspondent";

    private static Map<String, TableStage> readStages(Workbook workbook, List<TableAnchor> anchors, String source, List<RuleProblem> problems) {
        Map<String, TableStage> stages = new HashMap<>();
        for (TableAnchor anchor : anchors) {
            Sheet sheet = workbook.getSheet(anchor.sheet());
            Row row = anchor.row() >= 2 ? sheet.getRow(anchor.row() - 2) : null;
            Map<String, String> declared = new HashMap<>();
            if (row != null) {
                for (Cell cell : row) {
                    String label = TableLayout.key(TableLayout.text(cell));
                    if (label.equals(STAGE) || label.equals(ROWS) || label.equals(PREVENTION)) {
                        declared.put(label, TableLayout.text(row.getCell(cell.getColumnIndex() + 1)));
                    }
                }
            }
            if (!declared.containsKey(STAGE) && !declared.containsKey(ROWS)) {
                continue;
            }
            int line = anchor.row() - 1;
            String stage = declared.containsKey(STAGE) ? declared.get(STAGE).trim().toLowerCase(Locale.ROOT) : null;
            if (stage != null && !DecisionStages.known(stage)) {
                problems.add(RuleProblem.atRow(source, anchor.sheet(), line, null,
                        "l'étape « " + declared.get(STAGE) + " » de la table « " + anchor.name() + " » n'existe pas ; les étapes d'une décision sont, dans l'ordre : "
                                + String.join(", ", DecisionStages.ORDER),
                        "stage '" + declared.get(STAGE) + "' of table '" + anchor.name() + "' does not exist; the stages of a decision are, in order: "
                                + String.join(", ", DecisionStages.ORDER)));
                continue;
            }
            String rows = TableLayout.key(declared.getOrDefault(ROWS, EVERY_MATCH));
            boolean firstMatch = rows.equals(TableLayout.key(FIRST_MATCH));
            if (!firstMatch && !rows.equals(TableLayout.key(EVERY_MATCH))) {
                problems.add(RuleProblem.atRow(source, anchor.sheet(), line, null,
                        "« Lignes » de la table « " + anchor.name() + " » vaut « " + declared.get(ROWS) + " » ; écrivez « " + FIRST_MATCH
                                + " » (une seule ligne décide) ou « " + EVERY_MATCH + " »",
                        "'Lignes' of table '" + anchor.name() + "' is '" + declared.get(ROWS) + "': write '" + FIRST_MATCH + "' or '" + EVERY_MATCH + "'"));
                continue;
            }
            String prevention = TableLayout.key(declared.getOrDefault(PREVENTION, "non"));
            stages.put(anchor.sheet() + '\u0000' + anchor.name(), new TableStage(stage, firstMatch, prevention.equals("oui") || prevention.equals("true")));
        }
        return stages;
    }

    private static final java.util.Set<String> COLUMN_TYPES = java.util.Set.of(
            "CONDITION", "C", "ACTION", "A", "METADATA", "@", "NAME", "N", "DESCRIPTION", "I", "PRIORITY", "SALIENCE", "P",
            "DURATION", "D", "TIMER", "T", "ENABLED", "B", "CALENDARS", "E", "NO-LOOP", "U", "LOCK-ON-ACTIVE", "L",
            "AUTO-FOCUS", "F", "ACTIVATION-GROUP", "X", "AGENDA-GROUP", "G", "RULEFLOW-GROUP", "R", "DATE-EFFECTIVE", "V",
            "DATE-EXPIRES", "Z");

    private static RuleProblem locate(String source, SheetTracker tracker, RuntimeException e) {
        String message = RuleProblem.rootMessage(e);
        String french = "la structure de la table est incorrecte (lignes techniques masquées) ; détail technique : " + message;
        Matcher cell = CELL_IN_MESSAGE.matcher(message);
        if (cell.find()) {
            return RuleProblem.atRow(source, tracker.sheet, Integer.parseInt(cell.group(2)), cell.group(1) + cell.group(2), french, message);
        }
        return RuleProblem.atRow(source, tracker.sheet, tracker.row > 0 ? tracker.row : null, null, french, message);
    }

    private static Translation index(String source, String rawDrl, List<TableAnchor> anchors, Map<String, String> ids,
                                     Map<String, TableStage> stages, List<RuleProblem> problems) {
        String drl = withoutBlankRules(rawDrl);
        Map<String, RuleOrigin> rules = new LinkedHashMap<>();
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String packageName = null;
        String[] lines = drl.split("\n", -1);
        Integer pendingRow = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher pkg = PACKAGE_DECLARATION.matcher(line);
            if (packageName == null && pkg.find()) {
                packageName = pkg.group(1);
                continue;
            }
            Matcher values = RULE_VALUES_AT.matcher(line);
            if (values.find()) {
                pendingRow = Integer.parseInt(values.group(2));
                pendingLine = i + 1;
                continue;
            }
            Matcher declaration = RULE_DECLARATION.matcher(line);
            if (declaration.find()) {
                String generatedName = declaration.group(1);
                TableAnchor anchor = anchorOf(generatedName, anchors);
                Integer row = pendingRow != null ? pendingRow : rowSuffix(generatedName);
                String sheet = anchor == null ? null : anchor.sheet();
                String tableName = anchor == null ? generatedName : anchor.name();
                String id = anchor == null ? null : ids.get(TableCellCheck.idKey(sheet, row));
                // The row's ID, not its position, names the rule: inserting a row renames no other rule.
                String ruleName = id == null ? generatedName : tableName + " " + id;
                // The attributes go on the declaration's own line, so generated line numbers still match the rows.
                TableStage stage = anchor == null ? null : stages.get(anchor.sheet() + '\u0000' + anchor.name());
                lines[i] = "rule \"" + ruleName + "\"" + (stage == null ? "" : stage.attributes(source, anchor));
                RuleOrigin origin = new RuleOrigin(id == null ? generatedName : id, ruleName, source, sheet, row, null);
                rules.put(ruleName, origin);
                starts.add(pendingRow != null ? pendingLine : i + 1);
                names.add(ruleName);
                if (consequenceIsEmpty(lines, i)) {
                    problems.add(RuleProblem.atRow(source, sheet, row, null,
                            "cette ligne de la table « " + tableName + " » ne remplit aucune colonne d'action : elle ne déciderait rien",
                            "this row of table '" + tableName + "' fills no action column: it would decide nothing"));
                }
                pendingRow = null;
            }
        }
        Map<String, Integer> perTable = new HashMap<>();
        for (RuleOrigin origin : rules.values()) {
            if (origin.sheet() != null) {
                TableAnchor anchor = tableAt(anchors, origin.sheet(), origin.row());
                if (anchor != null) {
                    perTable.merge(anchor.sheet() + '\u0000' + anchor.name(), 1, Integer::sum);
                }
            }
        }
        for (TableAnchor anchor : anchors) {
            if (perTable.getOrDefault(anchor.sheet() + '\u0000' + anchor.name(), 0) == 0) {
                problems.add(RuleProblem.atRow(source, anchor.sheet(), anchor.row(), anchor.cell(),
                        "la table « " + anchor.name() + " » ne donne aucune règle : il lui faut au moins une ligne de données "
                                + "remplie juste sous la ligne d'en-tête",
                        "table '" + anchor.name() + "' yields no rule: it needs a CONDITION/ACTION row, an object row, "
                                + "a code row, a header row, then at least one filled data row"));
            }
        }
        int[] startArray = starts.stream().mapToInt(Integer::intValue).toArray();
        List<String> tableNames = anchors.stream().map(TableAnchor::name).toList();
        return new Translation(String.join("\n", lines), packageName, rules, problems, startArray, names, tableNames);
    }

    /**
     * Drools emits a rule with neither condition nor action for a table whose data rows are all
     * blank; such a rule would fire on every decision and mean nothing, so it is dropped here
     * (and the table then counts as yielding no rule).
     */
    static String withoutBlankRules(String drl) {
        return BLANK_RULE.matcher(drl).replaceAll("");
    }

    private static final Pattern BLANK_RULE = Pattern.compile(
            "(?m)^// rule values at [A-Z]+\\d+[^\n]*\n(?:[ \t]*//[^\n]*\n)*rule \"[^\"]*\"[ \t]*\n(?:[ \t]*(?:salience|@)[^\n]*\n)*[ \t]*when[ \t]*\n[ \t]*then[ \t]*\n[ \t]*end[ \t]*\n?");

    /** True when nothing stands between "then" and "end" of the rule declared at the given line. */
    private static boolean consequenceIsEmpty(String[] lines, int declarationLine) {
        boolean inConsequence = false;
        for (int i = declarationLine + 1; i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (trimmed.equals("then")) {
                inConsequence = true;
            } else if (trimmed.equals("end")) {
                return true;
            } else if (inConsequence && !trimmed.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The table a row belongs to: the last anchor above it in its sheet. */
    private static TableAnchor tableAt(List<TableAnchor> anchors, String sheet, Integer row) {
        TableAnchor found = null;
        for (TableAnchor anchor : anchors) {
            if (anchor.sheet().equals(sheet) && row != null && anchor.row() < row && (found == null || anchor.row() > found.row())) {
                found = anchor;
            }
        }
        return found;
    }

    private static TableAnchor anchorOf(String ruleName, List<TableAnchor> anchors) {
        TableAnchor best = null;
        for (TableAnchor anchor : anchors) {
            String prefix = anchor.name() + "_";
            if (ruleName.startsWith(prefix) && isDigits(ruleName.substring(prefix.length()))
                    && (best == null || anchor.name().length() > best.name().length())) {
                best = anchor;
            }
        }
        return best;
    }

    private static Integer rowSuffix(String ruleName) {
        int underscore = ruleName.lastIndexOf('_');
        String digits = underscore < 0 ? "" : ruleName.substring(underscore + 1);
        return isDigits(digits) ? Integer.valueOf(digits) : null;
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    /** Remembers which sheet and row the parser is on, since parse errors only name a cell. */
    private static final class SheetTracker implements DataListener {
        private String sheet;
        private int row;

        @Override
        public void startSheet(String name) {
            sheet = name;
            row = 0;
        }

        @Override
        public void finishSheet() {
            // the sheet name stays, to locate an error raised while the sheet is being closed
        }

        @Override
        public void newRow(int rowNumber, int columns) {
            row = rowNumber + 1;
        }

        @Override
        public void newCell(int rowNumber, int column, String value, int mergedColStart) {
            row = rowNumber + 1;
        }
    }
}
