package fr.litiges.decision;

import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Codes.ReasonCode;
import fr.litiges.decision.api.Codes.AttemptOutcome;
import fr.litiges.decision.api.Complaint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Decides a few made-up complaints before the service reports ready (runners run before the
 * readiness state turns to ACCEPTING_TRAFFIC), so the first real decisions do not pay for
 * class loading, the rules' lazy compilation and a cold JIT. Nothing is recorded: the decisions
 * are thrown away. {@code litiges.decision.warm-up} decisions; 0 turns it off.
 */
@Component
class DecisionWarmUp implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DecisionWarmUp.class);

    private final DecisionService decisions;
    private final int count;

    DecisionWarmUp(DecisionService decisions, @Value("${litiges.decision.warm-up:100}") int count) {
        this.decisions = decisions;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (count <= 0) {
            return;
        }
        long start = System.nanoTime();
        List<Complaint> samples = samples();
        for (int i = 0; i < count; i++) {
            decisions.decide(samples.get(i % samples.size()), i % 2 == 0 ? "fr" : "en");
        }
        log.info("Warmed up with {} decisions in {} ms", count, (System.nanoTime() - start) / 1_000_000);
    }

    /** Complaints that reach every stage: data findings, reason codes, text cues, a ladder with an attempt, payment figures. */
    static List<Complaint> samples() {
        LocalDate received = LocalDate.of(2026, 11, 20);
        Complaint.Invoice first = new Complaint.Invoice("W-1", received.minusDays(50), null, new BigDecimal("1200.00"), "EUR", "PO-W",
                60, InvoiceStatus.OPEN, List.of(new Complaint.InvoiceLine("A", BigDecimal.TEN, new BigDecimal("130.00"))));
        Complaint.Invoice second = new Complaint.Invoice("W-2", received.minusDays(48), null, new BigDecimal("1200.00"), "EUR", "PO-W",
                60, InvoiceStatus.OVERDUE, List.of(new Complaint.InvoiceLine("A", BigDecimal.TEN, new BigDecimal("120.00"))));
        Complaint.Order order = new Complaint.Order("PO-W", received.minusDays(60),
                List.of(new Complaint.OrderLine("A", BigDecimal.TEN, new BigDecimal("120.00"))));
        Complaint.Delivery delivery = new Complaint.Delivery("BL-W", received.minusDays(40), true,
                List.of(new Complaint.DeliveryLine("A", BigDecimal.ONE), new Complaint.DeliveryLine("B", BigDecimal.ONE)));
        Complaint.Customer business = new Complaint.Customer("K-W", CustomerType.BUSINESS, 6, new BigDecimal("120000.00"), true, 2, true);
        Complaint.Customer consumer = new Complaint.Customer("K-C", CustomerType.CONSUMER, 1, null, false, 0, false);
        return List.of(
                new Complaint("WARM-UP-1", received, "Bonjour, nous avons été facturés deux fois et il manque des articles.",
                        List.of(ReasonCode.BILLED_TWICE), business, List.of(first, second), order, List.of(delivery), null,
                        List.of(new Complaint.ResolutionAttempt(Channel.AMICABLE_SETTLEMENT, received.minusDays(10), AttemptOutcome.FAILED))),
                new Complaint("WARM-UP-2", received, "The product is defective and the service was poor.",
                        List.of(ReasonCode.DEFECTIVE_PRODUCT), consumer, List.of(), null, List.of(), new BigDecimal("80.00"), List.of()),
                new Complaint("WARM-UP-3", received, null, List.of(ReasonCode.OTHER), business, List.of(second), null, List.of(), null, List.of()));
    }
}
