package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.type.FactType;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * What a pooled engine session must be when it is borrowed again: as empty as a new one, with
 * first-match groups that still let one row fire, and no listener of the previous decision; on a
 * tiny ruleset of this test's own, so that none of it depends on the shipped policy.
 */
class SessionPoolTest {
    private static final String PACKAGE = "fr.litiges.fixture";
    private static final String DRL = """
            package fr.litiges.fixture;

            declare Parcel
                weight : int
            end
            declare Label
                code : String
            end

            query "labels"
                $label : Label( )
            end

            // A first-match table as the compiler writes one: its rows share an activation group, in the rows' order.
            rule "Row 1: huge" activation-group "labels" salience 3
            when
                Parcel( weight >= 100 )
            then
                insert(new Label("HUGE"));
            end

            rule "Row 2: heavy" activation-group "labels" salience 2
            when
                Parcel( weight >= 10 )
            then
                insert(new Label("HEAVY"));
            end

            rule "Row 3: any" activation-group "labels" salience 1
            when
                Parcel( )
            then
                insert(new Label("ANY"));
            end

            rule "A parcel of no weight is an error"
            when
                Parcel( weight < 0 )
            then
                throw new IllegalStateException("no weight");
            end
            """;

    private final Ruleset ruleset = compile();

    @Test
    void aFirstMatchGroupFiresOneRowOnAReusedSessionWhateverTheFactsOfTheDecisionBefore() {
        SessionPool pool = ruleset.withSessionPool(1).sessions();

        KieSession first = pool.borrow();
        // Many facts: the previous decision leaves the fact counter far ahead of what the next one inserts.
        assertThat(labels(first, 150, 150, 150, 150, 150, 150, 150, 150)).containsExactly("HUGE");
        pool.giveBack(first);

        KieSession again = pool.borrow();
        assertThat(again).as("reused").isSameAs(first);
        assertThat(labels(again, 150)).as("one row of the group, as on a new session").containsExactly("HUGE");
        pool.giveBack(again);
        assertThat(labels(pool.borrow(), 12)).containsExactly("HEAVY");
    }

    @Test
    void aReusedSessionHasNoFactsAndNoListenerOfTheDecisionBefore() {
        SessionPool pool = ruleset.withSessionPool(1).sessions();
        KieSession session = pool.borrow();
        session.addEventListener(new DefaultAgendaEventListener());
        session.addEventListener(new DefaultRuleRuntimeEventListener());
        labels(session, 150);
        pool.giveBack(session);

        KieSession again = pool.borrow();

        assertThat(again).isSameAs(session);
        assertThat(again.getFactCount()).isZero();
        assertThat(again.getQueryResults("labels")).isEmpty();
        assertThat(again.getAgendaEventListeners()).isEmpty();
        assertThat(again.getRuleRuntimeEventListeners()).isEmpty();
    }

    @Test
    void aSessionWhoseDecisionFailedIsDroppedNotReused() {
        SessionPool pool = ruleset.withSessionPool(1).sessions();
        KieSession failing = pool.borrow();
        assertThatThrownBy(() -> labels(failing, -1)).hasMessageContaining("no weight");
        pool.discard(failing);

        KieSession next = pool.borrow();

        assertThat(next).isNotSameAs(failing);
        assertThat(labels(next, 12)).containsExactly("HEAVY");
    }

    @Test
    void sessionsBeyondThoseThePoolKeepsAreDisposedOfAndAPoolOfNoneReusesNone() {
        SessionPool pool = ruleset.withSessionPool(1).sessions();
        KieSession one = pool.borrow();
        KieSession two = pool.borrow();
        assertThat(two).isNotSameAs(one);
        pool.giveBack(one);
        pool.giveBack(two);
        assertThat(pool.idle()).isEqualTo(1);
        assertThat(pool.borrow()).isSameAs(one);

        SessionPool none = ruleset.withSessionPool(0).sessions();
        KieSession used = none.borrow();
        none.giveBack(used);
        assertThat(none.idle()).isZero();
        assertThat(none.borrow()).isNotSameAs(used);
    }

    @Test
    void aRulesetRenamedKeepsItsPoolAndAnotherCompiledSnapshotHasItsOwn() {
        assertThat(ruleset.withVersion("abc123").sessions()).isSameAs(ruleset.sessions());
        assertThat(compile().sessions()).isNotSameAs(ruleset.sessions());
    }

    // ---------------------------------------------------------------- the fixture

    /** Inserts parcels of these weights, fires, and gives the labels, in the order the rows fired. */
    private List<String> labels(KieSession session, int... weights) {
        List<String> fired = new ArrayList<>();
        DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        session.addEventListener(listener);
        try {
            FactType parcel = ruleset.kieBase().getFactType(PACKAGE, "Parcel");
            for (int weight : weights) {
                Object fact = parcel.newInstance();
                parcel.set(fact, "weight", weight);
                session.insert(fact);
            }
            session.fireAllRules();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            session.removeEventListener(listener);
        }
        FactType label = ruleset.kieBase().getFactType(PACKAGE, "Label");
        List<String> labels = new ArrayList<>();
        session.getQueryResults("labels").forEach(row -> labels.add((String) label.get(row.get("$label"), "code")));
        assertThat(fired).as("one firing per label").hasSameSizeAs(labels);
        return fired.stream().map(rule -> rule.substring(rule.indexOf(": ") + 2).toUpperCase(java.util.Locale.ROOT)).toList();
    }

    private static Ruleset compile() {
        RulesetCompilation compilation = new RulesetCompiler().compile(
                List.of(new RuleFile("rules/fixture.drl", RuleFile.Kind.DRL, DRL.getBytes(StandardCharsets.UTF_8))), Instant.now());
        assertThat(compilation.problems()).isEmpty();
        return compilation.ruleset();
    }
}
