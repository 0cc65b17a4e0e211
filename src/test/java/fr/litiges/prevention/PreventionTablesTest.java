package fr.litiges.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision.TraceEntry;
import fr.litiges.prevention.api.PreventionCodes.PlanStatus;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse.Plan;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the prevention tables decide, changed the way an analyst changes them: the default terms
 * that date an invoice giving none, a missing row said as such, and first-match sheets that let
 * one row decide (and only that row appear in the trace).
 */
class PreventionTablesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 16);

    @TempDir
    Path workdir;

    private static List<Plan> plan(AnalystWorkspace workspace, List<Complaint.Invoice> invoices, List<String> openDisputes) {
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        Ruleset ruleset = compilation.ruleset();
        PreventionService service = new PreventionService(new ActiveRuleset(ruleset), new DecisionProperties(5000, Duration.ofMinutes(1)));
        Complaint.Customer customer = new Complaint.Customer("K-1", CustomerType.BUSINESS, 5, null, false, 0, false);
        return service.plan(new PreventionRequest(AS_OF, customer, invoices, null, null, openDisputes), "en").plans();
    }

    /** An invoice of 12,500 € issued on 16 November, with the given due date and terms (either may be null). */
    private static Complaint.Invoice invoice(String number, LocalDate dueOn, Integer terms, InvoiceStatus status) {
        return new Complaint.Invoice(number, ISSUED, dueOn, new BigDecimal("12500.00"), "EUR", null, terms, status, List.of());
    }

    /** The days of the default-terms row for any currency, as the workspace's table has them. */
    private static int termsOf(AnalystWorkspace workspace) {
        try (var in = java.nio.file.Files.newInputStream(workspace.tables().resolve("prevention.xlsx"));
             var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            return (int) AnalystWorkspace.rowStartingWith(workbook.getSheet("Délai de paiement"), "*").getCell(1).getNumericCellValue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void changingTheDefaultTermsInTheTableMovesTheRemindersOfAnInvoiceThatGivesNoDueDate() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        int shipped = termsOf(workspace);
        Complaint.Invoice undated = invoice("F-1", null, null, InvoiceStatus.OPEN);
        // The same invoice with its own terms written out: what the table's days must amount to.
        Plan before = plan(workspace, List.of(undated), null).get(0);
        Plan sameAsShipped = plan(workspace, List.of(invoice("F-1", null, shipped, InvoiceStatus.OPEN)), null).get(0);

        workspace.editTable("prevention.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Délai de paiement"), "*").getCell(1).setCellValue(shipped + 30));
        Plan after = plan(workspace, List.of(undated), null).get(0);
        Plan sameAsEdited = plan(workspace, List.of(invoice("F-1", null, shipped + 30, InvoiceStatus.OPEN)), null).get(0);

        assertThat(before.reminders()).isNotEmpty().isEqualTo(sameAsShipped.reminders());
        assertThat(after.reminders()).isNotEmpty().isEqualTo(sameAsEdited.reminders());
        assertThat(after.reminders().get(after.reminders().size() - 1).on())
                .isAfter(before.reminders().get(before.reminders().size() - 1).on());
        assertThat(after.trace()).anySatisfy(entry -> assertThat(entry.sheet()).isEqualTo("Délai de paiement"));
    }

    @Test
    void anInvoiceWithItsOwnDueDateOrTermsDoesNotAskTheDefaultTermsTable() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);

        List<Plan> plans = plan(workspace, List.of(invoice("F-1", LocalDate.of(2027, 1, 15), null, InvoiceStatus.OPEN),
                invoice("F-2", null, 45, InvoiceStatus.OPEN)), null);

        assertThat(plans).allSatisfy(plan -> assertThat(plan.trace()).noneSatisfy(entry ->
                assertThat(entry.sheet()).isEqualTo("Délai de paiement")));
    }

    @Test
    void anUndatedInvoiceWhoseCurrencyHasNoDefaultTermsRowStopsThePlanNamingTheSheetAndTheCurrency() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        workspace.editTable("prevention.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Délai de paiement"), "*").getCell(0).setCellValue("USD"));

        assertThatThrownBy(() -> plan(workspace, List.of(invoice("F-7", null, null, InvoiceStatus.OPEN)), null))
                .isInstanceOfSatisfying(DecisionFailedException.class, failure -> {
                    assertThat(failure.french()).contains("prevention.xlsx, feuille Délai de paiement", "EUR", "F-7");
                    assertThat(failure.getMessage()).contains("prevention.xlsx, sheet Délai de paiement", "EUR", "F-7");
                });
        // A dated invoice needs no default terms: the same table plans it.
        assertThat(plan(workspace, List.of(invoice("F-8", LocalDate.of(2027, 1, 15), null, InvoiceStatus.OPEN)), null)).hasSize(1);
    }

    @Test
    void aFirstMatchSheetLetsOneRowDecideEachInvoiceAndOnlyThatRowIsTraced() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // Paid and in dispute: two scope rows match; 12,500 €: several risk rows match. Three invoices in one session.
        List<Plan> plans = plan(workspace, List.of(
                invoice("F-1", LocalDate.of(2027, 1, 15), null, InvoiceStatus.PAID),
                invoice("F-2", LocalDate.of(2027, 1, 15), null, InvoiceStatus.OPEN),
                invoice("F-3", LocalDate.of(2027, 1, 29), null, InvoiceStatus.OPEN)), List.of("F-1"));

        assertThat(plans.get(0).status().name()).startsWith("SKIPPED_");
        assertThat(plans).extracting(Plan::status).containsSubsequence(PlanStatus.SCHEDULED, PlanStatus.SCHEDULED);
        for (Plan plan : plans) {
            assertThat(rowsOf(plan, "Périmètre")).hasSizeLessThanOrEqualTo(1);
            assertThat(rowsOf(plan, "Justifications")).hasSize(1);
        }
        assertThat(rowsOf(plans.get(0), "Périmètre")).hasSize(1);
        assertThat(rowsOf(plans.get(1), "Niveau de risque")).hasSize(1);
        assertThat(rowsOf(plans.get(2), "Niveau de risque")).hasSize(1);
    }

    @Test
    void aSecondScopeRowThatAlsoMatchesNeverDecides() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // An analyst adds, below the others, a second row for paid invoices: the row above it still decides alone.
        workspace.editTable("prevention.xlsx", workbook ->
                AnalystWorkspace.appendRow(workbook.getSheet("Périmètre"), "PAID", null, null, "SKIPPED_DUE", "true"));

        Plan paid = plan(workspace, List.of(invoice("F-1", LocalDate.of(2027, 1, 15), null, InvoiceStatus.PAID)), null).get(0);

        assertThat(paid.status()).isEqualTo(PlanStatus.SKIPPED_PAID);
        assertThat(paid.holdDunning()).isFalse();
        assertThat(rowsOf(paid, "Périmètre")).hasSize(1);
    }

    @Test
    void eachLikelyDisputeIsRoutedByTheFirstMatchingServicesRowAsADecisionIs() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint.Invoice overpriced = new Complaint.Invoice("F-1", ISSUED, LocalDate.of(2027, 1, 15), new BigDecimal("1100.00"), "EUR",
                "PO-1", null, InvoiceStatus.OPEN, List.of(new Complaint.InvoiceLine("A1", BigDecimal.TEN, new BigDecimal("110.00"))));
        Complaint.Invoice shortDelivered = new Complaint.Invoice("F-2", ISSUED, LocalDate.of(2027, 1, 15), new BigDecimal("1000.00"), "EUR",
                "PO-2", null, InvoiceStatus.OPEN, List.of());
        List<Complaint.Order> orders = List.of(
                new Complaint.Order("PO-1", LocalDate.of(2026, 10, 1), List.of(new Complaint.OrderLine("A1", BigDecimal.TEN, new BigDecimal("100.00")))),
                new Complaint.Order("PO-2", LocalDate.of(2026, 10, 1), List.of(new Complaint.OrderLine("A1", BigDecimal.TEN, new BigDecimal("100.00")))));
        List<PreventionRequest.Delivery> deliveries = List.of(
                new PreventionRequest.Delivery("BL-1", "PO-1", LocalDate.of(2026, 10, 5), true, List.of(new Complaint.DeliveryLine("A1", BigDecimal.TEN))),
                new PreventionRequest.Delivery("BL-2", "PO-2", LocalDate.of(2026, 10, 5), true, List.of(new Complaint.DeliveryLine("A1", new BigDecimal("6")))));
        List<Plan> before = plan(workspace, List.of(overpriced, shortDelivered), orders, deliveries);
        String firstCause = before.get(0).likelyDispute().get(0).cause().name();

        // A second row for the same cause, below the first, sends it elsewhere: the first row still decides.
        workspace.editTable("routing.xlsx", workbook ->
                AnalystWorkspace.appendRow(workbook.getSheet("Services"), firstCause, "LEGAL"));
        List<Plan> after = plan(workspace, List.of(overpriced, shortDelivered), orders, deliveries);

        for (int i = 0; i < 2; i++) {
            Plan plan = after.get(i);
            assertThat(plan.likelyDispute()).hasSize(1);
            assertThat(callOwner(plan)).isEqualTo(serviceOf(workspace, plan.likelyDispute().get(0).cause().name()))
                    .isEqualTo(callOwner(before.get(i)));
            assertThat(rowsOf(plan, "Services")).hasSize(1);
        }
        assertThat(after.get(0).likelyDispute().get(0).cause()).isNotEqualTo(after.get(1).likelyDispute().get(0).cause());
    }

    private static List<Plan> plan(AnalystWorkspace workspace, List<Complaint.Invoice> invoices, List<Complaint.Order> orders,
                                   List<PreventionRequest.Delivery> deliveries) {
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        PreventionService service = new PreventionService(new ActiveRuleset(compilation.ruleset()), new DecisionProperties(5000, Duration.ofMinutes(1)));
        Complaint.Customer customer = new Complaint.Customer("K-1", CustomerType.BUSINESS, 5, null, false, 0, false);
        return service.plan(new PreventionRequest(AS_OF, customer, invoices, orders, deliveries, null), "en").plans();
    }

    /** The owner of the call a likely dispute asks for today. */
    private static String callOwner(Plan plan) {
        return plan.reminders().stream().filter(r -> r.template().name().equals("CHECK_LIKELY_DISPUTE"))
                .findFirst().orElseThrow().owner().name();
    }

    /** The department of the first row of the workspace's Services sheet for a cause. */
    private static String serviceOf(AnalystWorkspace workspace, String cause) {
        try (var in = java.nio.file.Files.newInputStream(workspace.tables().resolve("routing.xlsx"));
             var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            return AnalystWorkspace.rowStartingWith(workbook.getSheet("Services"), cause).getCell(1).getStringCellValue().strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<TraceEntry> rowsOf(Plan plan, String sheet) {
        return plan.trace().stream().filter(entry -> sheet.equals(entry.sheet())).toList();
    }
}
