package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.api.Codes.Priority;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The example of decision-api.md, decided on the shipped rules, gives the documented answer. */
class ContractExampleTest {
    private final DecisionService service = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(),
            new DecisionProperties(5000));

    // The contract example's figures are the analysts' policy: the scenario book pins them
    // (scenarios/politique-par-defaut.xlsx, sheet Paiement, "L'exemple du contrat d'API").

    @Test
    void traceNamesRuleFilesAndSpreadsheetRows() {
        Decision decision = service.decide(Complaints.fromResource("/decision/contract-example.json"), "en");

        assertThat(decision.trace()).anySatisfy(entry -> {
            assertThat(entry.source()).isEqualTo("rules/causes-from-data.drl");
            assertThat(entry.line()).isPositive();
            assertThat(entry.sheet()).isNull();
        });
        assertThat(decision.trace()).anySatisfy(entry -> {
            assertThat(entry.source()).isEqualTo("decision-tables/routing.xlsx");
            assertThat(entry.sheet()).isEqualTo("Services");
            assertThat(entry.row()).isPositive();
            assertThat(entry.ruleId()).matches("SR-\\d+");
            assertThat(entry.ruleName()).isEqualTo("Service responsable " + entry.ruleId());
        });
        assertThat(decision.ruleset().hash()).startsWith("sha256:");
    }

    /** Stateless means repeatable: the same complaint gets the same answer, lists in the same order, however often it is sent. */
    @Test
    void theSameComplaintGetsTheSameAnswerInTheSameOrderEveryTime() {
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        Decision first = service.decide(example, "en");
        for (int i = 0; i < 40; i++) {
            Decision again = service.decide(example, "en");
            assertThat(again.classification()).isEqualTo(first.classification());
            assertThat(again.routing()).isEqualTo(first.routing());
            assertThat(again.resolution()).isEqualTo(first.resolution());
            assertThat(again.paymentImpact()).isEqualTo(first.paymentImpact());
            assertThat(again.trace()).isEqualTo(first.trace());
        }
        assertThat(first.classification().causes()).flatExtracting(c -> c.evidence()).hasSizeGreaterThan(1);
    }
}
