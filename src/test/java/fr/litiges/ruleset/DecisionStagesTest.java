package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.facts.ChannelDuration;
import fr.litiges.decision.facts.ChannelStep;
import fr.litiges.decision.facts.Dispute;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The engine behaviour the decision relies on, on a fixture ruleset rather than the shipped
 * policy: stages run in the order of {@link DecisionStages} whatever the order of the files, a
 * table declared first-match lets only its first matching row fire, and the answers are read
 * back by the engine's own queries.
 */
class DecisionStagesTest {
    private static final String DRL = """
            package fr.litiges.fixture;
            import fr.litiges.decision.facts.*;

            rule "Routage: after every other stage"
                agenda-group "routage"
            when
                ChannelStep( )
            then
            end

            rule "Indices: the way to resolution"
                agenda-group "indices"
            when
                Dispute( )
            then
                insert(new ChannelStep("AMICABLE_SETTLEMENT", 0));
            end
            """;

    @Test
    void stagesRunInTheirOrderAndAFirstMatchTableFiresItsFirstMatchingRowOnly() {
        List<String> fired = decide(FixtureWorkbook.FIRST_MATCH);

        assertThat(fired).containsExactly("Indices: the way to resolution", "Canaux CAN-001", "Routage: after every other stage");
    }

    @Test
    void aTableOfEveryMatchingRowFiresEachOfThem() {
        List<String> fired = decide(FixtureWorkbook.EVERY_MATCH);

        assertThat(fired).containsExactlyInAnyOrder("Indices: the way to resolution", "Canaux CAN-001", "Canaux CAN-004",
                "Routage: after every other stage");
        assertThat(fired.get(0)).isEqualTo("Indices: the way to resolution");
        assertThat(fired.get(3)).isEqualTo("Routage: after every other stage");
    }

    @Test
    void anUnknownStageIsRefusedNamingTheSheetAndRow() {
        Workbook workbook = FixtureWorkbook.channels();
        FixtureWorkbook.stage(workbook, "rootage", FixtureWorkbook.FIRST_MATCH);

        RulesetCompilation compilation = new RulesetCompiler().compile(List.of(FixtureWorkbook.file(workbook)), Instant.now());

        assertThat(compilation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo("Canaux");
            assertThat(problem.row()).isEqualTo(6);
            assertThat(problem.message()).contains("rootage", "indices, seconde-lecture, arbitrage, preseance, cause");
        });
    }

    private static List<String> decide(String rows) {
        Workbook workbook = FixtureWorkbook.channels();
        FixtureWorkbook.stage(workbook, "canal", rows);
        // Rows in the table's order, first row first, as in the analysts' workbooks.
        FixtureWorkbook.set(workbook, "Canaux", 2, 0, "Sequential");
        FixtureWorkbook.set(workbook, "Canaux", 2, 1, "true");
        // A last row for the same channel: under first-match it decides only when no row above matched.
        FixtureWorkbook.set(workbook, "Canaux", 15, 0, "AMICABLE_SETTLEMENT");
        FixtureWorkbook.set(workbook, "Canaux", 15, 1, 99);
        FixtureWorkbook.set(workbook, "Canaux", 15, 2, 0.1);
        FixtureWorkbook.set(workbook, "Canaux", 15, 5, "CAN-004");
        RulesetCompilation compilation = new RulesetCompiler().compile(List.of(
                new RuleFile("rules/fixture.drl", RuleFile.Kind.DRL, DRL.getBytes(StandardCharsets.UTF_8)),
                FixtureWorkbook.file(workbook)), Instant.now());
        assertThat(compilation.problems()).isEmpty();

        KieSession session = compilation.ruleset().kieBase().newKieSession();
        try {
            List<String> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(new Dispute("C-1", LocalDate.of(2026, 12, 1), BigDecimal.TEN, "EUR"));
            DecisionStages.focus(session);
            session.fireAllRules();

            List<Object> answers = new ArrayList<>();
            session.getQueryResults("decision answers").forEach(row -> answers.add(row.get("$answer")));
            assertThat(answers.stream().filter(ChannelStep.class::isInstance)).hasSize(1);
            // The table's answer is a fact of its own, found by the engine's query, not a value set on the step.
            assertThat(answers.stream().filter(ChannelDuration.class::isInstance).map(d -> ((ChannelDuration) d).getExpectedDays()))
                    .contains(15);
            return fired;
        } finally {
            session.dispose();
        }
    }
}
