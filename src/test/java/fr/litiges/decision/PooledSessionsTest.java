package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.AttemptOutcome;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Codes.ReasonCode;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision on a reused (pooled) engine session is exactly the decision a new session gives:
 * the whole answer, trace included, but for its id and time. Thousands of generated complaints
 * are decided both ways, one after the other on one reused session, between decisions that fail
 * half-way (a rule throws, loops past the firing cap, or runs out of time), from several threads
 * at once, and across a reload to a new ruleset. The seed is printed; {@code -Dpool.seed=N}
 * replays or explores.
 */
class PooledSessionsTest {
    private static final long SEED = Long.getLong("pool.seed", 20261202L);
    private static final String THROWS = "THROW-1";
    private static final String LOOPS = "LOOP-1";

    @TempDir
    static Path workdir;
    /** The shipped rules plus a rule that throws and one that loops, each for one complaint id only. */
    private static Ruleset withFailingRules;

    @BeforeAll
    static void rulesetWithRulesThatFailForSomeComplaints() throws IOException {
        System.out.println("PooledSessionsTest: pool.seed=" + SEED);
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Files.writeString(workspace.rules().resolve("failing.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Throws"
                when
                    Dispute( complaintId == "THROW-1" )
                then
                    throw new IllegalStateException("a consequence that fails");
                end

                rule "Runaway"
                when
                    $d : Dispute( complaintId == "LOOP-1" )
                then
                    update($d);
                end
                """);
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        withFailingRules = compilation.ruleset();
    }

    @Test
    void thousandsOfComplaintsDecideOnOneReusedSessionExactlyAsOnNewSessions() {
        Ruleset shipped = ShippedRuleset.get();
        DecisionService service = service(shipped, 5_000, Duration.ofSeconds(10));
        Ruleset pooled = shipped.withSessionPool(1);
        Ruleset fresh = shipped.withSessionPool(0);

        List<Complaint> complaints = generate(2_000, SEED);
        for (Complaint complaint : complaints) {
            assertSameOutcome(service, pooled, fresh, complaint);
        }
        assertThat(pooled.sessions().idle()).as("the one session was reused throughout").isEqualTo(1);
    }

    @Test
    void aDecisionAfterOneThatFailedHalfWayIsStillExactlyAsOnANewSession() {
        DecisionService service = service(withFailingRules, 2_000, Duration.ofSeconds(10));
        // Out of time before the rules are done: a budget already spent, checked every 16 firings.
        DecisionService outOfTime = service(withFailingRules, 2_000, Duration.ofNanos(-1));
        Ruleset pooled = withFailingRules.withSessionPool(1);
        Ruleset fresh = withFailingRules.withSessionPool(0);
        Random random = new Random(SEED + 1);

        int failed = 0;
        for (Complaint complaint : generate(400, SEED + 1)) {
            switch (random.nextInt(4)) {
                case 0 -> failed += failsAndIsNotKept(service, pooled, renamed(complaint, THROWS), "a consequence that fails");
                case 1 -> failed += failsAndIsNotKept(service, pooled, renamed(complaint, LOOPS), "fired more than 2000 times");
                case 2 -> failed += failsAndIsNotKept(outOfTime, pooled, complaint, "time budget");
                default -> {
                }
            }
            assertSameOutcome(service, pooled, fresh, complaint);
        }
        assertThat(failed).as("failures interleaved").isGreaterThan(200);
    }

    @Test
    void decisionsFromSeveralThreadsOnOnePoolAreExactlyAsOnNewSessions() throws Exception {
        Ruleset shipped = ShippedRuleset.get();
        DecisionService service = service(shipped, 5_000, Duration.ofSeconds(10));
        Ruleset pooled = shipped.withSessionPool(3);
        Ruleset fresh = shipped.withSessionPool(0);
        List<Complaint> complaints = generate(600, SEED + 2);
        List<Outcome> expected = complaints.stream().map(c -> outcome(service, fresh, c)).toList();

        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Outcome>>> slices = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                slices.add(pool.submit(() -> {
                    start.await();
                    List<Outcome> decided = new ArrayList<>();
                    for (int i = first; i < complaints.size(); i += threads) {
                        decided.add(outcome(service, pooled, complaints.get(i)));
                    }
                    return decided;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<Outcome> decided = slices.get(t).get();
                for (int k = 0; k < decided.size(); k++) {
                    int i = t + k * threads;
                    assertThat(decided.get(k)).as("complaint %d decided on thread %d (pool.seed=%d)", i, t, SEED).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(pooled.sessions().idle()).isBetween(1, 3);
    }

    @Test
    void aReloadSwapsInARulesetWithItsOwnPoolWhileTheOldOneStillServesItsBatch() {
        Ruleset before = ShippedRuleset.get().withSessionPool(2);
        Ruleset after = withFailingRules.withSessionPool(2);
        ActiveRuleset active = new ActiveRuleset(before);
        DecisionService service = service(active, 5_000, Duration.ofSeconds(10));
        List<Complaint> complaints = generate(200, SEED + 3);

        Ruleset batch = service.activeRuleset();
        for (int i = 0; i < complaints.size(); i++) {
            Complaint complaint = complaints.get(i);
            // The reload lands half-way: single requests move to the new ruleset, the batch read before stays on the old one.
            Ruleset current = i < complaints.size() / 2 ? before : after;
            Outcome single = outcome(service, current, complaint);
            Outcome ofBatch = outcome(service, batch, complaint);
            assertThat(single).as("complaint %d (pool.seed=%d)", i, SEED).isEqualTo(outcome(service, current.withSessionPool(0), complaint));
            assertThat(ofBatch).as("complaint %d of the batch (pool.seed=%d)", i, SEED).isEqualTo(outcome(service, before.withSessionPool(0), complaint));
        }
        assertThat(before.sessions().idle()).isEqualTo(1);
        assertThat(after.sessions().idle()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    private static DecisionService service(Ruleset ruleset, int maxRulesFired, Duration budget) {
        return service(new ActiveRuleset(ruleset), maxRulesFired, budget);
    }

    private static DecisionService service(ActiveRuleset active, int maxRulesFired, Duration budget) {
        return new DecisionService(active, Clock.systemUTC(), new DecisionProperties(maxRulesFired, budget));
    }

    private static void assertSameOutcome(DecisionService service, Ruleset pooled, Ruleset fresh, Complaint complaint) {
        Outcome onNewSession = outcome(service, fresh, complaint);
        Outcome onReusedSession = outcome(service, pooled, complaint);
        assertThat(onReusedSession).as("complaint %s (pool.seed=%d)", complaint.complaintId(), SEED).isEqualTo(onNewSession);
    }

    private static int failsAndIsNotKept(DecisionService service, Ruleset pooled, Complaint complaint, String why) {
        int idleBefore = pooled.sessions().idle();
        Outcome outcome = outcome(service, pooled, complaint);
        assertThat(outcome.failure()).as("complaint %s (pool.seed=%d)", complaint.complaintId(), SEED).contains(why);
        assertThat(pooled.sessions().idle()).as("the failed decision's session is dropped").isEqualTo(Math.max(0, idleBefore - 1));
        return 1;
    }

    /** A decision without what differs between two decisions of the same complaint (id, time), or the failure's message. */
    record Outcome(Decision decision, String failure) {
    }

    private static Outcome outcome(DecisionService service, Ruleset ruleset, Complaint complaint) {
        try {
            Decision d = service.decide(ruleset, complaint, "fr");
            return new Outcome(new Decision(null, d.complaintId(), null, d.ruleset(), d.classification(), d.routing(), d.resolution(),
                    d.paymentImpact(), d.trace(), d.traceTruncated(), d.traceTotal()), null);
        } catch (DecisionFailedException | InvalidComplaintException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Complaint renamed(Complaint c, String id) {
        return new Complaint(id, c.receivedOn(), c.text(), c.reportedReasons(), c.customer(), c.invoices(), c.order(), c.deliveries(),
                c.disputedAmount(), c.resolutionAttempts());
    }

    // ---------------------------------------------------------------- complaints

    private static final String[] GRIEVANCES = {
        "nous avons été facturés deux fois pour la même commande", "le prix facturé n'est pas le prix convenu dans le devis",
        "vous nous avez facturé avant la livraison, la marchandise n'est toujours pas arrivée", "livraison incomplète, il manque 3 cartons",
        "ce n'est pas ce que nous avons commandé, mauvaise référence livrée", "les pièces sont arrivées cassées",
        "la machine ne fonctionne pas depuis la mise en service", "travail mal fait par votre technicien",
        "nous traversons des difficultés de trésorerie et demandons un échéancier", "we were charged twice for the same order",
        "the unit price is higher than the agreed price in your quote", "short shipment: only 12 of the 20 monitors arrived",
        "wrong item received", "the pump stopped working after two days, it is defective", "poor service, the job is unfinished",
        "we need more time to pay", "merci de rappeler le client", "",
    };

    /**
     * Complaints of every shape the rules meet: 0 to 6 invoices in any status, with or without an
     * order and deliveries, reason codes, earlier attempts, a disputed amount, consumer or business,
     * short or long text in French or English; so that one decision leaves a session with many
     * more or fewer facts than the next one needs.
     */
    static List<Complaint> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Complaint> complaints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            complaints.add(complaint(i, random));
        }
        return complaints;
    }

    private static Complaint complaint(int index, Random random) {
        LocalDate receivedOn = LocalDate.of(2026, 11, 20).minusDays(random.nextInt(90));
        List<Complaint.Invoice> invoices = new ArrayList<>();
        int invoiceCount = random.nextInt(4) == 0 ? random.nextInt(7) : 1 + random.nextInt(2);
        for (int i = 0; i < invoiceCount; i++) {
            LocalDate issued = receivedOn.minusDays(5 + random.nextInt(120));
            int terms = List.of(15, 30, 45, 60).get(random.nextInt(4));
            InvoiceStatus status = InvoiceStatus.values()[random.nextInt(InvoiceStatus.values().length)];
            BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(200_000)).setScale(2);
            List<Complaint.InvoiceLine> lines = random.nextBoolean() ? List.of()
                    : List.of(new Complaint.InvoiceLine("A" + i, BigDecimal.valueOf(1 + random.nextInt(20)), amount.divide(BigDecimal.TEN)));
            invoices.add(new Complaint.Invoice("F-" + index + "-" + i, issued, random.nextInt(8) == 0 ? null : issued.plusDays(terms), amount,
                    "EUR", "PO-" + index, random.nextInt(5) == 0 ? null : terms, status, lines));
        }
        Complaint.Order order = null;
        List<Complaint.Delivery> deliveries = List.of();
        if (random.nextInt(3) == 0) {
            BigDecimal agreed = BigDecimal.valueOf(5 + random.nextInt(500));
            order = new Complaint.Order("PO-" + index, receivedOn.minusDays(100),
                    List.of(new Complaint.OrderLine("A0", BigDecimal.TEN, agreed)));
            deliveries = random.nextBoolean() ? List.of() : List.of(new Complaint.Delivery("BL-" + index, receivedOn.minusDays(80),
                    random.nextInt(4) != 0, List.of(new Complaint.DeliveryLine("A0", BigDecimal.valueOf(random.nextInt(3) == 0 ? 6 : 10)))));
        }
        List<ReasonCode> reasons = new ArrayList<>();
        for (int r = random.nextInt(3); r > 0; r--) {
            ReasonCode code = ReasonCode.values()[random.nextInt(ReasonCode.values().length)];
            if (!reasons.contains(code)) {
                reasons.add(code);
            }
        }
        List<Complaint.ResolutionAttempt> attempts = new ArrayList<>();
        for (int a = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0; a > 0; a--) {
            attempts.add(new Complaint.ResolutionAttempt(Channel.values()[random.nextInt(Channel.values().length)],
                    receivedOn.minusDays(1 + random.nextInt(60)), AttemptOutcome.values()[random.nextInt(AttemptOutcome.values().length)]));
        }
        CustomerType type = random.nextInt(4) == 0 ? CustomerType.CONSUMER : CustomerType.BUSINESS;
        Complaint.Customer customer = new Complaint.Customer("K-" + index, type, random.nextInt(25), null, random.nextInt(6) == 0,
                random.nextInt(5), random.nextInt(4) == 0);
        BigDecimal disputed = random.nextInt(6) == 0 ? BigDecimal.valueOf(random.nextInt(300_000)).setScale(2) : null;
        StringBuilder text = new StringBuilder();
        for (int s = random.nextInt(4); s > 0; s--) {
            text.append(GRIEVANCES[random.nextInt(GRIEVANCES.length)]).append(". ");
        }
        return new Complaint("POOL-" + index, receivedOn, text.toString(), reasons, customer, invoices, order, deliveries, disputed, attempts);
    }
}
