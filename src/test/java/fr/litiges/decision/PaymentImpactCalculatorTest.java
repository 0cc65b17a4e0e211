package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.PaymentImpactCalculator.Figures;
import fr.litiges.decision.PaymentImpactCalculator.Inputs;
import fr.litiges.decision.PaymentImpactCalculator.Step;
import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.facts.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The arithmetic of default-policy.md section 3, figure by figure. */
class PaymentImpactCalculatorTest {
    private static final Step AMICABLE = new Step("AMICABLE_SETTLEMENT", 15, new BigDecimal("0.60"));
    private static final Step BUSINESS_MEDIATION = new Step("BUSINESS_MEDIATION", 60, new BigDecimal("0.75"));
    private static final Step THIRD_PARTY = new Step("THIRD_PARTY_MEDIATION", 60, new BigDecimal("0.70"));
    private static final Step BP5000 = new Step("BP5000_CONCILIATION", 90, new BigDecimal("0.50"));
    private static final Step COURT = new Step("JUDICIAL_PROCEEDINGS", 180, new BigDecimal("1.00"));
    private static final BigDecimal RATE = new BigDecimal("0.04");

    private final PaymentImpactCalculator calculator = new PaymentImpactCalculator();

    @Test
    void expectedDaysFollowTheLadderAndRoundUp() {
        // 15 + 0.4 × (60 + 0.25 × 180) = 57 exactly
        assertThat(PaymentImpactCalculator.expectedResolutionDays(List.of(AMICABLE, BUSINESS_MEDIATION, COURT))).isEqualTo(57);
        // 15 + 0.4 × (60 + 0.3 × 180) = 60.6 → 61
        assertThat(PaymentImpactCalculator.expectedResolutionDays(List.of(AMICABLE, THIRD_PARTY, COURT))).isEqualTo(61);
        // 15 + 0.4 × (90 + 0.5 × 180) = 87
        assertThat(PaymentImpactCalculator.expectedResolutionDays(List.of(AMICABLE, BP5000, COURT))).isEqualTo(87);
        // 60 + 0.25 × 180 = 105
        assertThat(PaymentImpactCalculator.expectedResolutionDays(List.of(BUSINESS_MEDIATION, COURT))).isEqualTo(105);
        assertThat(PaymentImpactCalculator.expectedResolutionDays(List.of(COURT))).isEqualTo(180);
        // 10 + 0.999 × 1 = 10.999 → 11: any fraction of a day rounds up
        assertThat(PaymentImpactCalculator.expectedResolutionDays(List.of(new Step("A", 10, new BigDecimal("0.001")),
                new Step("B", 1, BigDecimal.ONE)))).isEqualTo(11);
    }

    @ParameterizedTest(name = "received {0}, due {1}, terms {2}, {3}: resolution {4}, payment {5}, delay {6}, cost {7}")
    @CsvSource({
            // the contract example
            "2026-11-20, 2026-11-30, 60, TERMS_RESTART_AT_RESOLUTION, 2027-01-16, 2027-03-17, 107, 146.58",
            // payment at resolution: no terms added
            "2026-11-20, 2026-11-30, 60, PAYMENT_AT_RESOLUTION, 2027-01-16, 2027-01-16, 47, 64.38",
            // leap year: 2028-02-29 exists
            "2028-01-10, 2028-02-01, 30, TERMS_RESTART_AT_RESOLUTION, 2028-03-07, 2028-04-06, 65, 89.04",
            // month end: 31 January + 57 days
            "2027-01-31, 2027-03-31, 30, TERMS_RESTART_AT_RESOLUTION, 2027-03-29, 2027-04-28, 28, 38.36",
            // payment expected before the due date: the delay is never negative
            "2026-01-05, 2026-12-31, 30, PAYMENT_AT_RESOLUTION, 2026-03-03, 2026-03-03, 0, 0.00",
    })
    void figuresForOneInvoice(LocalDate receivedOn, LocalDate dueOn, int terms, PaymentPolicy policy, LocalDate resolutionOn,
                              LocalDate paymentOn, long delay, String cost) {
        Invoice invoice = new Invoice("F-1", receivedOn.minusDays(30), dueOn, new BigDecimal("12500.00"), "EUR", null, terms, "OPEN");

        Figures figures = calculator.calculate(new Inputs(receivedOn, List.of(AMICABLE, BUSINESS_MEDIATION, COURT), policy, RATE, 30,
                List.of(invoice), new BigDecimal("12500.00")));

        assertThat(figures.expectedResolutionDays()).isEqualTo(57);
        assertThat(figures.expectedResolutionOn()).isEqualTo(resolutionOn);
        assertThat(figures.expectedPaymentOn()).isEqualTo(paymentOn);
        assertThat(figures.originalDueOn()).isEqualTo(dueOn);
        assertThat(figures.delayDays()).isEqualTo(delay);
        assertThat(figures.financingCost()).isEqualTo(new BigDecimal(cost));
        assertThat(figures.policy()).isEqualTo(policy);
    }

    @Test
    void withoutAnInvoiceThereIsNoDueDateNoDelayAndNoCost() {
        Figures figures = calculator.calculate(new Inputs(LocalDate.of(2026, 11, 20), List.of(AMICABLE, BUSINESS_MEDIATION, COURT),
                PaymentPolicy.TERMS_RESTART_AT_RESOLUTION, RATE, 30, List.of(), new BigDecimal("800.00")));

        assertThat(figures.originalDueOn()).isNull();
        assertThat(figures.disputedInvoice()).isNull();
        assertThat(figures.delayDays()).isZero();
        assertThat(figures.financingCost()).isEqualByComparingTo("0");
        assertThat(figures.expectedResolutionOn()).isEqualTo(LocalDate.of(2027, 1, 16));
        assertThat(figures.expectedPaymentOn()).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(figures.paymentTermsDays()).isEqualTo(30);
    }

    @Test
    void theDisputedInvoiceIsTheUnpaidOneDueFirstAndMissingTermsDefaultToTheTable() {
        Invoice paidEarlier = new Invoice("F-0", null, LocalDate.of(2026, 10, 1), new BigDecimal("100"), "EUR", null, 10, "PAID");
        Invoice dueLater = new Invoice("F-2", null, LocalDate.of(2026, 12, 15), new BigDecimal("100"), "EUR", null, 60, "OPEN");
        Invoice dueFirst = new Invoice("F-1", null, LocalDate.of(2026, 12, 1), new BigDecimal("100"), "EUR", null, null, "OVERDUE");

        Figures figures = calculator.calculate(new Inputs(LocalDate.of(2026, 11, 20), List.of(COURT),
                PaymentPolicy.TERMS_RESTART_AT_RESOLUTION, RATE, 45, List.of(paidEarlier, dueLater, dueFirst), new BigDecimal("200.00")));

        assertThat(figures.disputedInvoice()).isEqualTo("F-1");
        assertThat(figures.originalDueOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(figures.paymentTermsDays()).isEqualTo(45);
        // 2026-11-20 + 180 = 2027-05-19, + 45 = 2027-07-03; delay from 2026-12-01 = 214 days
        assertThat(figures.expectedPaymentOn()).isEqualTo(LocalDate.of(2027, 7, 3));
        assertThat(figures.delayDays()).isEqualTo(214);
        // 200 × 0.04 × 214 / 365 = 4.690… → 4.69
        assertThat(figures.financingCost()).isEqualTo(new BigDecimal("4.69"));
    }

    @Test
    void costRoundsHalfUpToTheCent() {
        Invoice dueOnReceipt = new Invoice("F", null, LocalDate.of(2025, 12, 31), BigDecimal.TEN, "EUR", null, 0, "OPEN");
        Step oneDay = new Step("X", 1, BigDecimal.ONE);
        // 25.00 × 0.365 × 1 day / 365 = 0.025: half-up gives 0.03 (half-even would give 0.02)
        Figures half = calculator.calculate(new Inputs(LocalDate.of(2025, 12, 31), List.of(oneDay),
                PaymentPolicy.PAYMENT_AT_RESOLUTION, new BigDecimal("0.365"), 0, List.of(dueOnReceipt), new BigDecimal("25.00")));
        assertThat(half.delayDays()).isEqualTo(1);
        assertThat(half.financingCost()).isEqualTo(new BigDecimal("0.03"));
        // 12.50 × 0.365 / 365 = 0.0125 → 0.01
        Figures below = calculator.calculate(new Inputs(LocalDate.of(2025, 12, 31), List.of(oneDay),
                PaymentPolicy.PAYMENT_AT_RESOLUTION, new BigDecimal("0.365"), 0, List.of(dueOnReceipt), new BigDecimal("12.50")));
        assertThat(below.financingCost()).isEqualTo(new BigDecimal("0.01"));
    }
}
