package fr.litiges.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.ShippedRuleset;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.prevention.api.PreventionCodes.PlanStatus;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse;
import fr.litiges.prevention.api.PreventionResponse.Plan;
import fr.litiges.ruleset.ActiveRuleset;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How plans are built on the shipped tables: the contract's example, the data rules shared with
 * complaints, and the date arithmetic (working days, never before asOf, one reminder per day and channel).
 */
class PreventionServiceTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private final PreventionService service = new PreventionService(new ActiveRuleset(ShippedRuleset.get()), new DecisionProperties(5000, java.time.Duration.ofMinutes(1)));

    static Complaint.Customer customer() {
        return new Complaint.Customer("K-881", CustomerType.BUSINESS, 6, null, false, 0, false);
    }

    static Complaint.Invoice invoice(String number, String amount, LocalDate dueOn, String orderRef, InvoiceStatus status,
                                     Complaint.InvoiceLine... lines) {
        return new Complaint.Invoice(number, dueOn.minusDays(60), dueOn, new BigDecimal(amount), "EUR", orderRef, 60, status, List.of(lines));
    }

    static PreventionRequest portfolio(List<Complaint.Invoice> invoices, List<Complaint.Order> orders,
                                       List<PreventionRequest.Delivery> deliveries, List<String> openDisputes) {
        return new PreventionRequest(AS_OF, customer(), invoices, orders, deliveries, openDisputes);
    }

    @Test
    void theContractExampleIsPlannedByThePreventionTable() {
        PreventionResponse response = service.plan(portfolio(
                List.of(invoice("F-1001", "12500.00", LocalDate.of(2026, 12, 31), null, InvoiceStatus.OPEN)), null, null, null), "en");

        // Its risk tier and reminders (HIGH; an e-mail on 16 December, a call moved off Christmas) are the
        // analysts' policy, pinned in scenarios/prevention.xlsx, « L'exemple partagé ».
        Plan plan = response.plans().get(0);
        assertThat(plan.status()).isEqualTo(PlanStatus.SCHEDULED);
        assertThat(plan.reminders()).isNotEmpty();
        assertThat(plan.likelyDispute()).isEmpty();
        assertThat(plan.holdDunning()).isFalse();
        assertThat(plan.trace()).anySatisfy(entry -> {
            assertThat(entry.source()).isEqualTo("decision-tables/prevention.xlsx");
            assertThat(entry.sheet()).isEqualTo("Calendrier");
            assertThat(entry.row()).isPositive();
        });
    }

    @Test
    void aPriceAboveTheAgreedOneIsFoundByTheComplaintsDataRuleAndCalledAboutToday() {
        Complaint.Order order = new Complaint.Order("PO-1", LocalDate.of(2026, 10, 1),
                List.of(new Complaint.OrderLine("A1", new BigDecimal("10"), new BigDecimal("100.00"))));
        PreventionRequest.Delivery delivery = new PreventionRequest.Delivery("BL-1", "PO-1", LocalDate.of(2026, 10, 5), true,
                List.of(new Complaint.DeliveryLine("A1", new BigDecimal("10"))));
        Complaint.Invoice overpriced = invoice("F-1", "1100.00", LocalDate.of(2027, 1, 15), "PO-1", InvoiceStatus.OPEN,
                new Complaint.InvoiceLine("A1", new BigDecimal("10"), new BigDecimal("110.00")));

        Plan plan = service.plan(portfolio(List.of(overpriced), List.of(order), List.of(delivery), null), "fr").plans().get(0);

        assertThat(plan.likelyDispute()).extracting(PreventionResponse.LikelyDispute::subCause).containsExactly(SubCause.PRICE_DISAGREEMENT);
        assertThat(plan.reminders().get(0).on()).isEqualTo(AS_OF);
        assertThat(plan.reminders().get(0).template()).hasToString("CHECK_LIKELY_DISPUTE");
        assertThat(plan.trace()).anySatisfy(entry -> assertThat(entry.source()).isEqualTo("rules/causes-from-data.drl"));
    }

    @Test
    void eachInvoiceIsExaminedWithItsOwnOrderOnly() {
        Complaint.Order shortDelivered = new Complaint.Order("PO-1", LocalDate.of(2026, 10, 1),
                List.of(new Complaint.OrderLine("A1", new BigDecimal("10"), null)));
        Complaint.Order complete = new Complaint.Order("PO-2", LocalDate.of(2026, 10, 1),
                List.of(new Complaint.OrderLine("A1", new BigDecimal("10"), null)));
        List<PreventionRequest.Delivery> deliveries = List.of(
                new PreventionRequest.Delivery("BL-1", "PO-1", LocalDate.of(2026, 10, 5), true, List.of(new Complaint.DeliveryLine("A1", new BigDecimal("4")))),
                new PreventionRequest.Delivery("BL-2", "PO-2", LocalDate.of(2026, 10, 5), true, List.of(new Complaint.DeliveryLine("A1", new BigDecimal("10")))));

        List<Plan> plans = service.plan(portfolio(List.of(
                invoice("F-1", "500.00", LocalDate.of(2027, 1, 15), "PO-1", InvoiceStatus.OPEN),
                invoice("F-2", "500.00", LocalDate.of(2027, 1, 15), "PO-2", InvoiceStatus.OPEN)), List.of(shortDelivered, complete), deliveries, null), "en").plans();

        // which sub-cause a short delivery is, is policy (scenarios/prevention.xlsx); here, only that it stays with its invoice
        assertThat(plans.get(0).likelyDispute()).hasSize(1);
        assertThat(plans.get(1).likelyDispute()).isEmpty();
    }

    @Test
    void twoUnpaidInvoicesOfOneOrderForTheSameAmountAreBothLikelyDisputes() {
        List<Plan> plans = service.plan(portfolio(List.of(
                invoice("F-1", "500.00", LocalDate.of(2027, 1, 15), "PO-9", InvoiceStatus.OPEN),
                invoice("F-2", "500.00", LocalDate.of(2027, 1, 20), "PO-9", InvoiceStatus.OPEN),
                invoice("F-3", "500.00", LocalDate.of(2027, 1, 20), "PO-8", InvoiceStatus.OPEN)), null, null, null), "en").plans();

        // the sub-cause is policy (scenarios/prevention.xlsx, « Facturé deux fois »); here, that both invoices carry the same one
        assertThat(plans.get(0).likelyDispute()).hasSize(1);
        assertThat(plans.get(1).likelyDispute()).extracting(PreventionResponse.LikelyDispute::subCause)
                .containsExactlyElementsOf(plans.get(0).likelyDispute().stream().map(PreventionResponse.LikelyDispute::subCause).toList());
        assertThat(plans.get(2).likelyDispute()).isEmpty();
    }

    @Test
    void aPlanOnASessionReusedAfterALargerPlanIsThePlanOfANewSession() {
        fr.litiges.ruleset.Ruleset pooled = ShippedRuleset.get().withSessionPool(1);
        fr.litiges.ruleset.Ruleset fresh = ShippedRuleset.get().withSessionPool(0);
        PreventionService onPool = new PreventionService(new ActiveRuleset(pooled), new DecisionProperties(5000, java.time.Duration.ofMinutes(1)));
        PreventionService onNew = new PreventionService(new ActiveRuleset(fresh), new DecisionProperties(5000, java.time.Duration.ofMinutes(1)));
        List<Complaint.Invoice> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(invoice("G-" + i, "700.00", AS_OF.plusDays(i + 3), "PO-" + (i / 2), i % 7 == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN));
        }
        PreventionRequest duplicates = portfolio(List.of(
                invoice("F-1", "500.00", LocalDate.of(2027, 1, 15), "PO-9", InvoiceStatus.OPEN),
                invoice("F-2", "500.00", LocalDate.of(2027, 1, 20), "PO-9", InvoiceStatus.OPEN),
                invoice("F-3", "900.00", LocalDate.of(2026, 12, 2), null, InvoiceStatus.OPEN)), null, null, null);

        onPool.plan(portfolio(many, null, null, null), "fr");
        List<Plan> reused = onPool.plan(duplicates, "en").plans();

        assertThat(pooled.sessions().idle()).isEqualTo(1);
        assertThat(reused).isEqualTo(onNew.plan(duplicates, "en").plans());
        assertThat(fresh.sessions().idle()).isZero();
    }

    @Test
    void everyReminderFallsOnAWorkingDayNotBeforeAsOfSortedAndOnePerDayAndChannel() {
        List<Complaint.Invoice> invoices = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            invoices.add(invoice("F-" + day, "20000.00", AS_OF.plusDays(day + 1), null, InvoiceStatus.OPEN));
        }
        List<Plan> plans = service.plan(portfolio(invoices, null, null, null), "en").plans();

        assertThat(plans).hasSize(60);
        for (Plan plan : plans) {
            List<PreventionResponse.Reminder> reminders = plan.reminders();
            assertThat(reminders).isSortedAccordingTo(java.util.Comparator.comparing(PreventionResponse.Reminder::on));
            assertThat(reminders).extracting(r -> r.on() + "/" + r.channel()).doesNotHaveDuplicates();
            for (PreventionResponse.Reminder reminder : reminders) {
                assertThat(reminder.on()).isAfterOrEqualTo(AS_OF);
                if (reminder.on().isAfter(AS_OF)) {
                    assertThat(reminder.on().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertThat(reminder.on()).isNotEqualTo(LocalDate.of(2026, 12, 25)).isNotEqualTo(LocalDate.of(2027, 1, 1));
                }
            }
        }
    }

    @Test
    void paidDueAndDisputedInvoicesAreSkippedAndADisputeHoldsDunning() {
        List<Plan> plans = service.plan(portfolio(List.of(
                invoice("F-1", "500.00", LocalDate.of(2027, 1, 15), null, InvoiceStatus.PAID),
                invoice("F-2", "500.00", AS_OF, null, InvoiceStatus.OPEN),
                invoice("F-3", "500.00", LocalDate.of(2027, 1, 15), null, InvoiceStatus.OVERDUE),
                invoice("F-4", "500.00", LocalDate.of(2027, 1, 15), null, InvoiceStatus.OPEN)), null, null, List.of("F-4")), "fr").plans();

        assertThat(plans).extracting(Plan::status).containsExactly(PlanStatus.SKIPPED_PAID, PlanStatus.SKIPPED_DUE,
                PlanStatus.SKIPPED_DUE, PlanStatus.SKIPPED_IN_DISPUTE);
        assertThat(plans).extracting(Plan::holdDunning).containsExactly(false, false, false, true);
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan.reminders()).isEmpty();
            assertThat(plan.rationale()).contains(plan.invoice());
        });
    }

    @Test
    void twoInvoicesWithOneNumberAreRefusedNamingTheSecond() {
        assertThatThrownBy(() -> service.plan(portfolio(List.of(
                invoice("F-1", "500.00", LocalDate.of(2027, 1, 15), null, InvoiceStatus.OPEN),
                invoice("F-1", "600.00", LocalDate.of(2027, 1, 15), null, InvoiceStatus.OPEN)), null, null, null), "en"))
                .isInstanceOf(InvalidPortfolioException.class)
                .satisfies(e -> assertThat(((InvalidPortfolioException) e).field()).isEqualTo("invoices[1].number"));
    }
}
