package fr.litiges.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.Complaints;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.InvalidComplaintException;
import fr.litiges.decision.ShippedRuleset;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Decisions are counted once each (a generous time budget: a cold first decision on a busy machine is slow), by their codes, with the rules they fired, from outside the decision core. */
class DecisionMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ActiveRuleset active = new ActiveRuleset(ShippedRuleset.get());
    private final DecisionService service = observed(new DecisionService(active, Clock.systemUTC(), new DecisionProperties(5000, java.time.Duration.ofMinutes(1))));

    private DecisionService observed(DecisionService target) {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
        RulesetMetrics rulesets = new RulesetMetrics(registry, active, 2000);
        rulesets.sync();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("metrics", new DecisionMetrics(observations, registry, rulesets));
        return (DecisionService) new DecisionObserver(beans.getBeanProvider(DecisionMetrics.class))
                .postProcessAfterInitialization(target, "decisionService");
    }

    /** The decisions below are asked by a request to the decisions API, as the controller does. */
    @BeforeEach
    void inADecisionRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("POST", "/api/v1/decisions")));
    }

    @AfterEach
    void outOfTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private double hitTotal() {
        return registry.find(RulesetMetrics.RULE_HITS).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void aDecisionIsTimedOnceByItsCodesAndItsFiredRulesAreCounted() {
        Decision decision = service.decide(Complaints.fromResource("/decision/contract-example.json"), "fr");

        Timer timer = registry.find(DecisionMetrics.DECISIONS).timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTag("outcome")).isEqualTo("decided");
        assertThat(timer.getId().getTag("cause")).isEqualTo(decision.classification().primaryCause().name());
        assertThat(timer.getId().getTag("confidence")).isEqualTo(decision.classification().confidence().name());
        assertThat(timer.getId().getTag("channel")).isEqualTo(decision.resolution().recommendedChannel().name());
        assertThat(decision.trace()).isNotEmpty();
        assertThat(hitTotal()).isEqualTo(decision.trace().size());
        // the last entry is a rule (the text patterns found come first in the trace)
        Decision.TraceEntry rule = decision.trace().get(decision.trace().size() - 1);
        assertThat(registry.find(RulesetMetrics.RULE_HITS).tag("ruleId", rule.ruleId()).tag("source", rule.source()).counter().count())
                .isPositive();
    }

    @Test
    void aBatchDecisionOnAGivenRulesetIsCountedToo() {
        Complaint complaint = Complaints.fromResource("/decision/contract-example.json");
        service.decide(service.activeRuleset(), complaint, "en");
        service.decide(service.activeRuleset(), complaint, "en");

        assertThat(registry.find(DecisionMetrics.DECISIONS).timer().count()).isEqualTo(2);
    }

    @Test
    void decisionsOutsideADecisionsRequestLikeTheReloadGatesScenariosAreNotCounted() {
        Complaint complaint = Complaints.fromResource("/decision/contract-example.json");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("POST", "/api/v1/ruleset/reload")));
        service.decide(service.activeRuleset(), complaint, "en");
        RequestContextHolder.resetRequestAttributes();
        service.decide(service.activeRuleset(), complaint, "en");

        assertThat(registry.find(DecisionMetrics.DECISIONS).timers()).isEmpty();
        assertThat(hitTotal()).isZero();
    }

    @Test
    void aComplaintWithNoEvidenceIsAnAbstention() {
        Decision decision = service.decide(Complaints.fromJson("""
                {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"}}
                """), "en");

        assertThat(decision.classification().primaryCause().name()).isEqualTo("UNKNOWN");
        assertThat(registry.find(DecisionMetrics.ABSTENTIONS).counter().count()).isEqualTo(1);
        assertThat(registry.find(DecisionMetrics.DECISIONS).tag("cause", "UNKNOWN").timer().count()).isEqualTo(1);
    }

    @Test
    void aRefusedComplaintIsTimedAsInvalidWithTheSameLabelNames() {
        Complaint twoCurrencies = Complaints.fromJson("""
                {"complaintId": "C-2", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"},
                 "invoices": [
                   {"invoiceId": "F1", "issuedOn": "2026-10-01", "dueOn": "2026-11-01", "amount": 10, "currency": "EUR", "status": "OPEN"},
                   {"invoiceId": "F2", "issuedOn": "2026-10-01", "dueOn": "2026-11-01", "amount": 10, "currency": "USD", "status": "OPEN"}]}
                """);

        assertThatThrownBy(() -> service.decide(twoCurrencies, "en")).isInstanceOf(InvalidComplaintException.class);

        Timer invalid = registry.find(DecisionMetrics.DECISIONS).tag("outcome", "invalid").timer();
        assertThat(invalid).isNotNull();
        assertThat(invalid.count()).isEqualTo(1);
        assertThat(invalid.getId().getTags()).extracting(tag -> tag.getKey())
                .containsAll(List.of("cause", "channel", "confidence", "outcome"));
        assertThat(registry.find(DecisionMetrics.ABSTENTIONS).counter().count()).isZero();
    }
}
