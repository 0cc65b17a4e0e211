package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.core.common.InternalFactHandle;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.type.FactType;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * What the decision relies on from the engine and the compiler, on a tiny ruleset of this test's
 * own (facts declared in its DRL, a three-row table), so that none of it depends on the shipped
 * policy nor on the shape of the decision's facts: stages in their declared order within one
 * fireAllRules, first-match and every-match tables, answers read back by query in the order
 * they were inserted, logical facts withdrawn with their premise, tables refused where they
 * break, and a table without a row for a complaint never leaving a silent null.
 */
class EngineFixtureTest {
    private static final String PACKAGE = "fr.litiges.fixture";
    private static final String DRL = """
            package fr.litiges.fixture;

            declare Parcel
                weight : int
            end
            declare Label
                code : String
            end
            declare Step
                name : String
            end
            declare Premise
                holds : boolean
            end
            declare Derived
                from : String
            end

            query "labels"
                $label : Label( )
            end
            query "steps"
                $step : Step( )
            end
            query "derived"
                $derived : Derived( )
            end

            // Written in the reverse of the stages' order, and the later stages need what the earlier ones insert.
            rule "Routage: reads the cause"
                agenda-group "routage"
            when
                Step( name == "cause" )
            then
                insert(new Step("routage"));
            end

            rule "Cause: reads the findings"
                agenda-group "cause"
            when
                Step( name == "indices" )
            then
                insert(new Step("cause"));
            end

            rule "Indices: a parcel is a finding"
                agenda-group "indices"
            when
                Parcel( )
            then
                insert(new Step("indices"));
            end

            rule "Without a stage: after every stage"
            when
                Step( name == "routage" )
            then
                insert(new Step("default"));
            end

            rule "A logical fact lives as long as its premise"
            when
                Premise( holds )
            then
                insertLogical(new Derived("premise"));
            end
            """;

    // ---------------------------------------------------------------- stages

    @Test
    void stagesRunInTheirDeclaredOrderInOneFireAllRulesWhateverTheOrderOfTheFile() {
        Ruleset ruleset = compile(null);
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            List<String> fired = firedRules(session);
            session.insert(newFact(ruleset, "Parcel", "weight", 1));
            DecisionStages.focus(session);

            int firings = session.fireAllRules();

            assertThat(fired).containsExactly("Indices: a parcel is a finding", "Cause: reads the findings", "Routage: reads the cause",
                    "Without a stage: after every stage");
            assertThat(firings).as("a single fireAllRules ran every stage").isEqualTo(4);
            assertThat(this.<Object>answers(session, "steps", "$step")).extracting(step -> field(ruleset, "Step", step, "name"))
                    .containsExactly("indices", "cause", "routage", "default");
        } finally {
            session.dispose();
        }
    }

    // ---------------------------------------------------------------- tables

    @Test
    void aFirstMatchTableFiresExactlyOneRowTheFirstThatMatches() {
        Ruleset ruleset = compile(table(DecisionTableTranslator.FIRST_MATCH));

        assertThat(labelsFor(ruleset, 12)).containsExactly("HEAVY");
        assertThat(labelsFor(ruleset, 150)).containsExactly("HUGE");
        assertThat(labelsFor(ruleset, 3)).containsExactly("ANY");
    }

    @Test
    void anEveryMatchTableFiresEveryMatchingRowInTheTablesOrder() {
        Ruleset ruleset = compile(table(DecisionTableTranslator.EVERY_MATCH));

        assertThat(labelsFor(ruleset, 12)).containsExactly("HEAVY", "ANY");
        assertThat(labelsFor(ruleset, 150)).containsExactly("HUGE", "HEAVY", "ANY");
        assertThat(labelsFor(ruleset, 3)).containsExactly("ANY");
    }

    @Test
    void aTableWithoutARowForTheCaseFiresNone() {
        Ruleset ruleset = compile(table(DecisionTableTranslator.FIRST_MATCH));

        assertThat(labelsFor(ruleset, -1)).isEmpty();
    }

    // ---------------------------------------------------------------- answers and logical facts

    @Test
    void answersAreReadBackByQueryInTheOrderTheyWereInserted() {
        Ruleset ruleset = compile(null);
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            List<String> inserted = List.of("ISSUE_CREDIT_NOTE", "CALL_CUSTOMER", "VERIFY_CONTRACT_PRICE", "ARRANGE_RETURN", "BLOCK_DUNNING",
                    "ASK_FOR_PROOF", "CONSULT_LAWYER");
            for (String code : inserted) {
                session.insert(newFact(ruleset, "Label", "code", code));
            }

            List<Object> labels = answers(session, "labels", "$label");

            assertThat(labels).extracting(label -> field(ruleset, "Label", label, "code")).containsExactlyElementsOf(inserted);
        } finally {
            session.dispose();
        }
    }

    @Test
    void aLogicalFactDisappearsWhenItsPremiseGoesAndComesBackWithIt() {
        Ruleset ruleset = compile(null);
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            Object premise = newFact(ruleset, "Premise", "holds", true);
            FactHandle handle = session.insert(premise);
            session.fireAllRules();
            assertThat(session.getQueryResults("derived").size()).isEqualTo(1);

            set(ruleset, "Premise", premise, "holds", false);
            session.update(handle, premise);
            session.fireAllRules();
            assertThat(session.getQueryResults("derived").size()).as("the premise no longer holds").isZero();

            set(ruleset, "Premise", premise, "holds", true);
            session.update(handle, premise);
            session.fireAllRules();
            assertThat(session.getQueryResults("derived").size()).isEqualTo(1);

            session.delete(handle);
            session.fireAllRules();
            assertThat(session.getQueryResults("derived").size()).as("the premise is gone").isZero();
        } finally {
            session.dispose();
        }
    }

    // ---------------------------------------------------------------- refused tables

    @Test
    void aTableWithoutDataRowsIsRefusedNamingFileSheetAndRow() {
        RulesetCompilation compilation = compilation(table(DecisionTableTranslator.FIRST_MATCH, workbook -> {
            Sheet sheet = workbook.getSheet("Étiquettes");
            for (int row = 11; row <= 13; row++) {
                sheet.removeRow(sheet.getRow(row));
            }
        }));

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/etiquettes.xlsx");
            assertThat(problem.sheet()).isEqualTo("Étiquettes");
            assertThat(problem.row()).as("the table's row").isNotNull().isPositive();
            assertThat(problem.english()).contains("yields no rule");
        });
    }

    @Test
    void aMisspeltColumnKeywordIsRefusedNamingFileSheetRowAndCell() {
        RulesetCompilation compilation = compilation(table(DecisionTableTranslator.FIRST_MATCH,
                workbook -> workbook.getSheet("Étiquettes").getRow(7).getCell(0).setCellValue("CONDITON")));

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/etiquettes.xlsx");
            assertThat(problem.sheet()).isEqualTo("Étiquettes");
            assertThat(problem.row()).isEqualTo(8);
            assertThat(problem.cell()).isEqualTo("A8");
            assertThat(problem.message()).contains("CONDITON");
        });
    }

    @Test
    void aValueThatIsNotANumberIsRefusedAtItsRow() {
        RulesetCompilation compilation = compilation(table(DecisionTableTranslator.FIRST_MATCH,
                workbook -> workbook.getSheet("Étiquettes").getRow(12).getCell(0).setCellValue("dix")));

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/etiquettes.xlsx");
            assertThat(problem.sheet()).isEqualTo("Étiquettes");
            assertThat(problem.row()).isEqualTo(13);
            assertThat(problem.message()).contains("dix");
        });
    }

    // ---------------------------------------------------------------- a decision on a ruleset that decides nothing

    /**
     * The decision service on a ruleset whose tables have no row for the complaint: the answer
     * names what was not decided (a refusal naming it, or a named outcome in the decision), never
     * a decision with a silent null where the CRM expects a code.
     */
    @Test
    void aRulesetWithNoRowForTheComplaintNamesWhatIsMissingInsteadOfANull() {
        Ruleset ruleset = compile(table(DecisionTableTranslator.FIRST_MATCH));
        DecisionService service = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5_000));
        Complaint complaint = fr.litiges.decision.Complaints.fromJson("""
                {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"}, "text": "Bonjour"}
                """);

        Decision decision;
        try {
            decision = service.decide(ruleset, complaint, "en");
        } catch (DecisionFailedException refused) {
            assertThat(refused.getMessage()).contains("decided no").containsAnyOf("channel", "department", "priority", "payment");
            assertThat(refused.french()).contains("n'ont rien décidé");
            return;
        }
        assertThat(decision.resolution().recommendedChannel()).as("a named outcome, not a null").isNotNull();
        assertThat(decision.routing().department()).isNotNull();
        assertThat(decision.routing().priority()).isNotNull();
    }

    // ---------------------------------------------------------------- the fixture

    /**
     * Table "Étiquettes" (stage canal), rows 12 to 14 in this order: weight at least 100 → HUGE,
     * at least 10 → HEAVY, at least 0 → ANY; and its sheet Colonnes.
     */
    private static RuleFile table(String rows) {
        return table(rows, workbook -> {
        });
    }

    private static RuleFile table(String rows, Consumer<Workbook> edit) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Étiquettes");
            row(sheet, 1, "Étiquettes : par poids");
            row(sheet, 2, "Sequential", "true");
            row(sheet, 4, "RuleSet", PACKAGE);
            row(sheet, 6, "Étape", "canal", "Lignes", rows);
            row(sheet, 7, "RuleTable Étiquettes");
            row(sheet, 8, "CONDITION", "ACTION", "NAME");
            row(sheet, 9, "$p: Parcel", "", "");
            row(sheet, 10, "weight >= $param", "insert(new Label(\"$param\"));", "");
            row(sheet, 11, "Poids au moins", "Étiquette", "ID");
            row(sheet, 12, 100, "HUGE", "ETQ-001");
            row(sheet, 13, 10, "HEAVY", "ETQ-002");
            row(sheet, 14, 0, "ANY", "ETQ-003");
            Sheet columns = workbook.createSheet(ColumnDescriptions.SHEET);
            row(columns, 1, "Colonnes");
            row(columns, 4, "Table", "Colonne", "Type", "Obligatoire", "Valeurs permises", "Signification");
            row(columns, 5, "Étiquettes", "Poids au moins", "nombre", "oui", "", "le poids à partir duquel la ligne s'applique");
            row(columns, 6, "Étiquettes", "Étiquette", "texte", "oui", "", "l'étiquette donnée");
            row(columns, 7, "Étiquettes", "ID", "identifiant", "oui", "", "l'identifiant de la ligne");
            edit.accept(workbook);
            workbook.write(out);
            return new RuleFile("decision-tables/etiquettes.xlsx", RuleFile.Kind.DECISION_TABLE, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes values from column A of the 1-based row. */
    private static void row(Sheet sheet, int number, Object... values) {
        Row row = sheet.createRow(number - 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }

    private static RulesetCompilation compilation(RuleFile table) {
        List<RuleFile> files = new ArrayList<>();
        files.add(new RuleFile("rules/fixture.drl", RuleFile.Kind.DRL, DRL.getBytes(StandardCharsets.UTF_8)));
        if (table != null) {
            files.add(table);
        }
        return new RulesetCompiler().compile(files, Instant.now());
    }

    private static Ruleset compile(RuleFile table) {
        RulesetCompilation compilation = compilation(table);
        assertThat(compilation.problems()).isEmpty();
        return compilation.ruleset();
    }

    /** The labels the table gives a parcel of this weight, in the order its rows fired. */
    private List<String> labelsFor(Ruleset ruleset, int weight) {
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            List<String> fired = firedRules(session);
            session.insert(newFact(ruleset, "Parcel", "weight", weight));
            DecisionStages.focus(session);
            session.fireAllRules();
            List<String> labels = answers(session, "labels", "$label").stream().map(label -> (String) field(ruleset, "Label", label, "code")).toList();
            // one firing per label, each named by its row's ID
            assertThat(fired.stream().filter(rule -> rule.startsWith("Étiquettes")).toList())
                    .hasSameSizeAs(labels).allSatisfy(rule -> assertThat(rule).matches("Étiquettes ETQ-00[1-3]"));
            return labels;
        } finally {
            session.dispose();
        }
    }

    private static List<String> firedRules(KieSession session) {
        List<String> fired = new ArrayList<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        return fired;
    }

    /**
     * A query's facts in the order of their fact handles, which is the order of insertion: how
     * the decision service reads lists (actions, ladder steps) so that they keep the tables' order.
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> answers(KieSession session, String query, String variable) {
        List<QueryResultsRow> rows = new ArrayList<>();
        session.getQueryResults(query).forEach(rows::add);
        rows.sort(Comparator.comparingLong(row -> ((InternalFactHandle) row.getFactHandle(variable)).getId()));
        return rows.stream().map(row -> (T) row.get(variable)).toList();
    }

    private static Object newFact(Ruleset ruleset, String type, String field, Object value) {
        try {
            FactType factType = ruleset.kieBase().getFactType(PACKAGE, type);
            Object fact = factType.newInstance();
            factType.set(fact, field, value);
            return fact;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Ruleset ruleset, String type, Object fact, String field, Object value) {
        ruleset.kieBase().getFactType(PACKAGE, type).set(fact, field, value);
    }

    private static Object field(Ruleset ruleset, String type, Object fact, String field) {
        return ruleset.kieBase().getFactType(PACKAGE, type).get(fact, field);
    }
}
