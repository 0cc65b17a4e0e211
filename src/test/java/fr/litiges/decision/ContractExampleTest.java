package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.api.Codes.Priority;
import fr.litiges.decision.api.Codes.SubCause;
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

    @Test
    void decidesTheContractExampleAsDocumented() {
        Decision decision = service.decide(Complaints.fromResource("/decision/contract-example.json"), "en");

        assertThat(decision.classification().primaryCause()).isEqualTo(Cause.BILLING_ERROR);
        assertThat(decision.classification().subCause()).isEqualTo(SubCause.DUPLICATE_INVOICE);
        assertThat(decision.classification().confidence()).isEqualTo(Confidence.HIGH);
        assertThat(decision.classification().causes().get(0).evidence())
                .contains("Invoices F-1001 and F-1002 bill order PO-4411 for the same amount", "CRM reason code BILLED_TWICE");
        assertThat(decision.routing().department()).isEqualTo(Department.BILLING);
        assertThat(decision.routing().alsoInvolved()).containsExactly(Department.SALES);
        assertThat(decision.routing().priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.resolution().recommendedChannel()).isEqualTo(Channel.AMICABLE_SETTLEMENT);
        assertThat(decision.resolution().escalationPath()).containsExactly(Channel.BUSINESS_MEDIATION, Channel.JUDICIAL_PROCEEDINGS);
        assertThat(decision.resolution().actions()).containsExactly("ISSUE_CREDIT_NOTE");

        Decision.PaymentImpact impact = decision.paymentImpact();
        assertThat(impact.amountAtRisk()).isEqualByComparingTo("12500.00");
        assertThat(impact.currency()).isEqualTo("EUR");
        assertThat(impact.originalDueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(impact.expectedResolutionDays()).isEqualTo(57);
        assertThat(impact.expectedResolutionOn()).isEqualTo(LocalDate.of(2027, 1, 16));
        assertThat(impact.expectedPaymentOn()).isEqualTo(LocalDate.of(2027, 3, 17));
        assertThat(impact.delayDays()).isEqualTo(107);
        assertThat(impact.annualFinancingRate()).isEqualByComparingTo("0.04");
        assertThat(impact.financingCost()).isEqualTo(new BigDecimal("146.58"));
        assertThat(impact.policy()).isEqualTo(PaymentPolicy.TERMS_RESTART_AT_RESOLUTION);
    }

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
        });
        assertThat(decision.ruleset().hash()).startsWith("sha256:");
    }
}
