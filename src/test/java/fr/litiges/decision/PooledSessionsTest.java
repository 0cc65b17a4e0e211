package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session handed back to the ruleset's pool is reset: the next decision on it must come out
 * exactly as on a session made for it alone, whatever the decisions before it did, failures
 * (a rule throwing half-way through the stages) included.
 */
class PooledSessionsTest {
    @TempDir
    Path workdir;

    @Test
    void aPooledSessionDecidesExactlyLikeAFreshOneOverManyComplaintsAndAfterFailures() throws IOException {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // A rule that fails in the middle of the decision for some complaints, leaving facts behind in its session.
        Files.writeString(workspace.rules().resolve("fails.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Fails on a complaint whose id ends in 7"
                    agenda-group "canal"
                when
                    Dispute( complaintId.endsWith("7") )
                    LadderRung( )
                then
                    throw new IllegalStateException("a failing row");
                end
                """);
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        Ruleset pooled = compilation.ruleset();
        DecisionProperties properties = new DecisionProperties(5_000, Duration.ofMinutes(1));
        DecisionService service = new DecisionService(new ActiveRuleset(pooled), Clock.systemUTC(), properties);

        Random random = new Random(20261202L);
        int failures = 0;
        int decided = 0;
        for (int i = 0; i < 300; i++) {
            Complaint complaint = randomComplaint(random, i);
            // A ruleset of its own has a pool of its own, empty: its first session is a fresh one.
            Ruleset fresh = new Ruleset(pooled.version(), pooled.hash(), pooled.loadedAt(), pooled.kieBase(), pooled.sourceMap(),
                    pooled.files(), pooled.textRules());
            if (complaint.complaintId().endsWith("7")) {
                assertThatThrownBy(() -> service.decide(pooled, complaint, "fr")).isInstanceOf(DecisionFailedException.class);
                failures++;
                continue;
            }
            Decision onPooled = service.decide(pooled, complaint, "fr");
            Decision onFresh = service.decide(fresh, complaint, "fr");
            assertThat(comparable(onPooled)).as(complaint.complaintId()).isEqualTo(comparable(onFresh));
            decided++;
        }
        assertThat(failures).isGreaterThan(10);
        assertThat(decided).isGreaterThan(200);
    }

    /** Everything but the decision's own id and time. */
    private static List<Object> comparable(Decision decision) {
        return List.of(decision.complaintId(), decision.classification(), decision.routing(), decision.resolution(),
                decision.paymentImpact(), decision.trace(), decision.traceTruncated(), decision.traceTotal());
    }

    private static final String[] WORDS = {
        "nous avons été facturés deux fois pour la même commande",
        "le prix facturé n'est pas le prix convenu",
        "livraison incomplète, il manque 3 cartons",
        "les pièces sont arrivées cassées",
        "we were charged twice for the same order",
        "poor service, the job is unfinished",
        "nous traversons des difficultés de trésorerie",
        "merci de rappeler le client",
    };
    private static final String[] REASONS = {"BILLED_TWICE", "WRONG_PRICE", "MISSING_ITEMS", "DAMAGED_GOODS", "NOT_PAID", "OTHER", "POOR_SERVICE"};
    private static final String[] CHANNELS = {"AMICABLE_SETTLEMENT", "BUSINESS_MEDIATION", "THIRD_PARTY_MEDIATION", "BP5000_CONCILIATION"};
    private static final String[] OUTCOMES = {"FAILED", "ONGOING", "RESOLVED"};

    /** The contract's example, varied: customer, amounts, statuses, data, codes, words and earlier attempts. */
    private static Complaint randomComplaint(Random random, int index) {
        ObjectNode complaint = (ObjectNode) Complaints.JSON.readTree(
                PooledSessionsTest.class.getResourceAsStream("/decision/contract-example.json"));
        complaint.put("complaintId", "CRM-" + index);
        complaint.put("text", WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? ". " + WORDS[random.nextInt(WORDS.length)] : ""));
        ObjectNode customer = (ObjectNode) complaint.get("customer");
        customer.put("type", random.nextBoolean() ? "BUSINESS" : "CONSUMER");
        customer.put("strategic", random.nextInt(4) == 0);
        customer.put("mediationClause", random.nextBoolean());
        ArrayNode invoices = (ArrayNode) complaint.get("invoices");
        for (JsonNode invoice : invoices) {
            ((ObjectNode) invoice).put("status", List.of("OPEN", "OVERDUE", "PAID").get(random.nextInt(3)));
            ((ObjectNode) invoice).put("amount", 100 + random.nextInt(20_000));
        }
        if (random.nextBoolean()) {
            invoices.remove(1);
        }
        if (random.nextInt(3) == 0) {
            complaint.remove("order");
            complaint.putArray("deliveries");
        }
        if (random.nextBoolean()) {
            complaint.remove("disputedAmount");
            ((ObjectNode) invoices.get(0)).put("status", "OPEN");
        } else {
            complaint.put("disputedAmount", 50 + random.nextInt(15_000));
        }
        ArrayNode reasons = complaint.putArray("reportedReasons");
        if (random.nextBoolean()) {
            reasons.add(REASONS[random.nextInt(REASONS.length)]);
        }
        ArrayNode attempts = complaint.putArray("resolutionAttempts");
        List<String> tried = new ArrayList<>();
        for (int a = random.nextInt(3); a > 0; a--) {
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            if (tried.add(channel)) {
                ObjectNode attempt = attempts.addObject();
                attempt.put("channel", channel);
                attempt.put("startedOn", "2026-1" + random.nextInt(2) + "-0" + (1 + random.nextInt(9)));
                attempt.put("outcome", OUTCOMES[random.nextInt(OUTCOMES.length)]);
            }
        }
        return Complaints.JSON.treeToValue(complaint, Complaint.class);
    }
}
