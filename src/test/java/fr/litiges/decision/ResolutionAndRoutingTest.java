package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.api.Codes.Priority;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sections 2 to 4 of the default policy, decided on the shipped tables. */
class ResolutionAndRoutingTest {
    private final DecisionService service = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(),
            new DecisionProperties(5000));

    /** A billing dispute (a CRM reason code) on one open invoice, for a customer and a history of attempts. */
    private Decision decide(String customerType, boolean mediationClause, boolean strategic, String amount, String attempts, String language) {
        return decide(customerType, mediationClause, strategic, amount, attempts, language, "2026-11-30", 60);
    }

    private Decision decide(String customerType, boolean mediationClause, boolean strategic, String amount, String attempts, String language,
                            String dueOn, int terms) {
        String json = """
                {"complaintId": "T-1", "receivedOn": "2026-11-20", "reportedReasons": ["WRONG_PRICE"],
                 "customer": {"id": "K-1", "type": "%s", "mediationClause": %s, "strategic": %s},
                 "invoices": [{"number": "F-1", "issuedOn": "2026-10-01", "dueOn": "%s", "amount": %s,
                               "currency": "EUR", "paymentTermsDays": %d, "status": "OPEN"}],
                 "resolutionAttempts": [%s]}
                """.formatted(customerType, mediationClause, strategic, dueOn, amount, terms, attempts);
        return service.decide(Complaints.fromJson(json), language);
    }

    private static String attempt(String channel, String startedOn, String outcome) {
        return "{\"channel\": \"%s\", \"startedOn\": \"%s\", \"outcome\": \"%s\"}".formatted(channel, startedOn, outcome);
    }

    @ParameterizedTest(name = "{0} clause={1} amount={2}: {3} then {4}, {5} days")
    @CsvSource({
            "BUSINESS, false, 12500.00, AMICABLE_SETTLEMENT, BUSINESS_MEDIATION, 57",
            "BUSINESS, true, 12500.00, AMICABLE_SETTLEMENT, THIRD_PARTY_MEDIATION, 61",
            "CONSUMER, false, 5000.00, AMICABLE_SETTLEMENT, BP5000_CONCILIATION, 87",
            "CONSUMER, false, 5000.01, AMICABLE_SETTLEMENT, THIRD_PARTY_MEDIATION, 61",
            "CONSUMER, true, 300.00, AMICABLE_SETTLEMENT, BP5000_CONCILIATION, 87",
    })
    void eachCustomerGetsItsLadder(String type, boolean clause, String amount, Channel first, Channel second, int days) {
        Decision decision = decide(type, clause, false, amount, "", "en");

        assertThat(decision.resolution().recommendedChannel()).isEqualTo(first);
        assertThat(decision.resolution().escalationPath()).containsExactly(second, Channel.JUDICIAL_PROCEEDINGS);
        assertThat(decision.paymentImpact().expectedResolutionDays()).isEqualTo(days);
        assertThat(decision.resolution().rationale()).startsWith("Nothing has been tried yet");
    }

    @Test
    void afterAFailedAmicableSettlementABusinessGoesToTheMediationDesEntreprises() {
        Decision decision = decide("BUSINESS", false, false, "12500.00", attempt("AMICABLE_SETTLEMENT", "2026-10-10", "FAILED"), "en");

        assertThat(decision.resolution().recommendedChannel()).isEqualTo(Channel.BUSINESS_MEDIATION);
        assertThat(decision.resolution().escalationPath()).containsExactly(Channel.JUDICIAL_PROCEEDINGS);
        assertThat(decision.resolution().rationale()).isEqualTo("Amicable settlement failed on 2026-10-10; the Médiation des "
                + "entreprises is free, confidential and settles about 3 cases in 4 within 3 months.");
        assertThat(decision.resolution().actions()).containsExactly("VERIFY_CONTRACT_PRICE", "FILE_MEDIATION_REQUEST");
        // 60 + 0.25 × 180 = 105 days from 2026-11-20
        assertThat(decision.paymentImpact().expectedResolutionDays()).isEqualTo(105);
        assertThat(decision.paymentImpact().expectedResolutionOn()).isEqualTo(LocalDate.of(2027, 3, 5));
    }

    @Test
    void theRationaleFollowsAcceptLanguage() {
        Decision decision = decide("BUSINESS", false, false, "12500.00", attempt("AMICABLE_SETTLEMENT", "2026-10-10", "FAILED"), "fr");

        assertThat(decision.resolution().rationale()).isEqualTo("La transaction amiable a échoué le 2026-10-10 ; la Médiation des "
                + "entreprises est gratuite, confidentielle et règle environ 3 litiges sur 4 en moins de 3 mois.");
    }

    @Test
    void aRungStillUnderWayIsRecommendedAgain() {
        Decision decision = decide("BUSINESS", false, false, "12500.00",
                attempt("AMICABLE_SETTLEMENT", "2026-10-10", "FAILED") + "," + attempt("BUSINESS_MEDIATION", "2026-11-02", "ONGOING"), "en");

        assertThat(decision.resolution().recommendedChannel()).isEqualTo(Channel.BUSINESS_MEDIATION);
        assertThat(decision.resolution().escalationPath()).containsExactly(Channel.JUDICIAL_PROCEEDINGS);
        assertThat(decision.resolution().rationale()).contains("2026-11-02", "under way");
    }

    @Test
    void whenEveryRungFailedTheRecommendationIsCourtWithAnEmptyPath() {
        Decision decision = decide("BUSINESS", false, false, "12500.00",
                attempt("AMICABLE_SETTLEMENT", "2026-09-10", "FAILED") + "," + attempt("BUSINESS_MEDIATION", "2026-10-02", "FAILED")
                        + "," + attempt("JUDICIAL_PROCEEDINGS", "2026-11-02", "FAILED"), "en");

        assertThat(decision.resolution().recommendedChannel()).isEqualTo(Channel.JUDICIAL_PROCEEDINGS);
        assertThat(decision.resolution().escalationPath()).isEmpty();
        assertThat(decision.resolution().rationale()).startsWith("Every step of the escalation ladder has failed");
        assertThat(decision.routing().alsoInvolved()).contains(Department.LEGAL);
        assertThat(decision.resolution().actions()).contains("SEND_FORMAL_NOTICE", "CONSULT_LAWYER");
        assertThat(decision.paymentImpact().expectedResolutionDays()).isEqualTo(180);
    }

    @Test
    void theNextRungAfterMediationIsCourtAndInvolvesLegal() {
        Decision decision = decide("BUSINESS", true, false, "12500.00",
                attempt("AMICABLE_SETTLEMENT", "2026-09-10", "FAILED") + "," + attempt("THIRD_PARTY_MEDIATION", "2026-10-02", "FAILED"), "en");

        assertThat(decision.resolution().recommendedChannel()).isEqualTo(Channel.JUDICIAL_PROCEEDINGS);
        assertThat(decision.resolution().rationale()).isEqualTo("A third-party mediator failed on 2026-10-02; court is the remaining way: "
                + "send a formal notice (mise en demeure) and consult a lawyer.");
        assertThat(decision.routing().alsoInvolved()).containsExactly(Department.LEGAL);
    }

    @Test
    void aResolvedAttemptMeansNothingToEscalate() {
        Decision decision = decide("BUSINESS", false, false, "12500.00",
                attempt("AMICABLE_SETTLEMENT", "2026-10-10", "FAILED") + "," + attempt("BUSINESS_MEDIATION", "2026-11-05", "RESOLVED"), "en");

        assertThat(decision.resolution().recommendedChannel()).isEqualTo(Channel.BUSINESS_MEDIATION);
        assertThat(decision.resolution().escalationPath()).isEmpty();
        assertThat(decision.resolution().rationale()).isEqualTo("The dispute was settled through the Médiation des entreprises on "
                + "2026-11-05: nothing to escalate, follow up the agreed payment.");
        assertThat(decision.paymentImpact().expectedResolutionDays()).isEqualTo(60);
    }

    @ParameterizedTest(name = "amount {0}, strategic {1}: {2}")
    @CsvSource({
            "999.99, false, LOW",
            "1000.00, false, MEDIUM",
            "9999.99, false, MEDIUM",
            "10000.00, false, HIGH",
            "500.00, true, HIGH",
    })
    void priorityFollowsAmountAndStrategicCustomer(String amount, boolean strategic, Priority priority) {
        // due 2027-02-01, paid 30 days after the expected resolution on 2027-01-16: 14 days late
        Decision decision = decide("BUSINESS", false, strategic, amount, "", "en", "2027-02-01", 30);

        assertThat(decision.paymentImpact().delayDays()).isEqualTo(14);
        assertThat(decision.routing().priority()).isEqualTo(priority);
        if (strategic) {
            assertThat(decision.routing().alsoInvolved()).containsExactly(Department.SALES);
        } else {
            assertThat(decision.routing().alsoInvolved()).isEmpty();
        }
    }

    @Test
    void aLongDelayMakesASmallDisputeHighPriority() {
        Decision decision = decide("BUSINESS", false, false, "5000.00", "", "en", "2026-11-30", 60);

        // 57 days to resolution + 60 days of terms, from a due date of 2026-11-30: 107 days late
        assertThat(decision.paymentImpact().delayDays()).isEqualTo(107);
        assertThat(decision.routing().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void anUnpaidInvoiceIsExpectedAtResolutionAndGoesToCreditManagement() {
        String json = """
                {"complaintId": "T-2", "receivedOn": "2026-11-20", "text": "Relance : pas de nouvelles du client.",
                 "customer": {"id": "K-1", "type": "BUSINESS"},
                 "invoices": [{"number": "F-9", "issuedOn": "2026-09-01", "dueOn": "2026-10-01", "amount": 4000.00,
                               "currency": "EUR", "status": "OVERDUE"}]}
                """;
        Decision decision = service.decide(Complaints.fromJson(json), "en");

        assertThat(decision.classification().subCause()).isEqualTo(SubCause.NO_REASON_GIVEN);
        assertThat(decision.routing().department()).isEqualTo(Department.CREDIT_MANAGEMENT);
        assertThat(decision.resolution().actions()).containsExactly("SEND_PAYMENT_REMINDER");
        assertThat(decision.paymentImpact().policy()).isEqualTo(PaymentPolicy.PAYMENT_AT_RESOLUTION);
        assertThat(decision.paymentImpact().expectedPaymentOn()).isEqualTo(decision.paymentImpact().expectedResolutionOn());
        // 2026-11-20 + 57 = 2027-01-16, 107 days after 2026-10-01
        assertThat(decision.paymentImpact().delayDays()).isEqualTo(107);
        assertThat(decision.routing().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aComplaintWithNothingToGoOnNeedsReviewByCustomerService() {
        String json = """
                {"complaintId": "T-3", "receivedOn": "2026-11-20", "text": "Le client souhaite être rappelé.",
                 "customer": {"id": "K-1", "type": "CONSUMER"}}
                """;
        Decision decision = service.decide(Complaints.fromJson(json), "en");

        assertThat(decision.classification().subCause()).isEqualTo(SubCause.NEEDS_REVIEW);
        assertThat(decision.routing().department()).isEqualTo(Department.CUSTOMER_SERVICE);
        assertThat(decision.resolution().actions()).containsExactly("CALL_CUSTOMER");
        assertThat(decision.paymentImpact().amountAtRisk()).isEqualByComparingTo("0");
        assertThat(decision.paymentImpact().originalDueOn()).isNull();
        assertThat(decision.paymentImpact().delayDays()).isZero();
        assertThat(decision.paymentImpact().financingCost()).isEqualByComparingTo("0");
        assertThat(decision.routing().priority()).isEqualTo(Priority.LOW);
    }
}
