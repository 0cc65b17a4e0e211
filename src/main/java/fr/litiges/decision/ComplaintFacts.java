package fr.litiges.decision;

import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.facts.Customer;
import fr.litiges.decision.facts.DataScope;
import fr.litiges.decision.facts.Delivery;
import fr.litiges.decision.facts.DeliveryLine;
import fr.litiges.decision.facts.Dispute;
import fr.litiges.decision.facts.Invoice;
import fr.litiges.decision.facts.InvoiceLine;
import fr.litiges.decision.facts.OrderLine;
import fr.litiges.decision.facts.PurchaseOrder;
import fr.litiges.decision.facts.ReportedReason;
import fr.litiges.decision.facts.ResolutionAttempt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The facts of one complaint, ready for the rules. Derived values that are plain arithmetic
 * (the amount at risk) are computed here, once. A missing due date is not: it depends on the
 * financing table's default terms, so the rules derive it ({@link Invoice#dueDate(int)}).
 */
record ComplaintFacts(Dispute dispute, Customer customer, String text, List<Invoice> invoices, List<Object> others) {

    static ComplaintFacts of(Complaint complaint) {
        List<Invoice> invoices = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        // The data rules read these through one DataScope holding all of the complaint's data.
        List<InvoiceLine> invoiceLines = new ArrayList<>();
        PurchaseOrder purchaseOrder = null;
        List<OrderLine> orderLines = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        List<DeliveryLine> deliveryLines = new ArrayList<>();
        for (Complaint.Invoice in : complaint.invoices()) {
            invoices.add(new Invoice(in.number(), in.issuedOn(), in.dueOn(), in.amount(), in.currency(), in.orderRef(),
                    in.paymentTermsDays(), in.status().name()));
            for (Complaint.InvoiceLine line : in.lines()) {
                invoiceLines.add(new InvoiceLine(in.number(), line.sku(), line.quantity(), line.unitPrice()));
            }
        }
        if (complaint.order() != null) {
            Complaint.Order order = complaint.order();
            purchaseOrder = new PurchaseOrder(order.ref(), order.orderedOn());
            for (Complaint.OrderLine line : order.lines()) {
                orderLines.add(new OrderLine(order.ref(), line.sku(), line.quantity(), line.agreedUnitPrice()));
            }
        }
        for (Complaint.Delivery delivery : complaint.deliveries()) {
            deliveries.add(new Delivery(delivery.ref(), delivery.deliveredOn(), !Boolean.FALSE.equals(delivery.conforming())));
            for (Complaint.DeliveryLine line : delivery.lines()) {
                deliveryLines.add(new DeliveryLine(delivery.ref(), line.sku(), line.quantity()));
            }
        }
        others.add(new DataScope(complaint.complaintId(), invoices, invoiceLines, invoices, purchaseOrder, orderLines,
                deliveries, deliveryLines));
        Set<String> reasons = new LinkedHashSet<>();
        complaint.reportedReasons().forEach(reason -> reasons.add(reason.name()));
        reasons.forEach(code -> others.add(new ReportedReason(code)));
        for (Complaint.ResolutionAttempt attempt : complaint.resolutionAttempts()) {
            others.add(new ResolutionAttempt(attempt.channel().name(), attempt.startedOn(), attempt.outcome().name()));
        }

        Complaint.Customer c = complaint.customer();
        Customer customer = new Customer(c.id(), c.type().name(), orZero(c.relationshipYears()), c.annualRevenue(),
                Boolean.TRUE.equals(c.strategic()), orZero(c.previousDisputes12m()), Boolean.TRUE.equals(c.mediationClause()));
        String currency = currencyOf(complaint);
        BigDecimal atRisk = complaint.disputedAmount() != null ? complaint.disputedAmount() : unpaidTotal(complaint);
        Dispute dispute = new Dispute(complaint.complaintId(), complaint.receivedOn(), atRisk, currency);
        return new ComplaintFacts(dispute, customer, complaint.text(), List.copyOf(invoices), List.copyOf(others));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The sum of the invoices not PAID; only meaningful in one currency, which the web layer checks. */
    private static BigDecimal unpaidTotal(Complaint complaint) {
        BigDecimal total = BigDecimal.ZERO;
        for (Complaint.Invoice invoice : complaint.invoices()) {
            if (invoice.status() != InvoiceStatus.PAID) {
                total = total.add(invoice.amount());
            }
        }
        return total.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    // A complaint without any invoice has no amount at risk (zero) and so no cost to price: EUR only
    // labels that zero (the service's home currency); no figure and no table row depend on it.
    private static String currencyOf(Complaint complaint) {
        return complaint.invoices().stream()
                .filter(invoice -> invoice.status() != InvoiceStatus.PAID)
                .map(Complaint.Invoice::currency)
                .findFirst()
                .orElseGet(() -> complaint.invoices().stream().map(Complaint.Invoice::currency).findFirst().orElse("EUR"));
    }

    /** The currencies of the invoices not PAID, to refuse summing euros with dollars. */
    static Set<String> unpaidCurrencies(Complaint complaint) {
        Set<String> currencies = new LinkedHashSet<>();
        complaint.invoices().stream().filter(i -> i.status() != InvoiceStatus.PAID).forEach(i -> currencies.add(i.currency()));
        return currencies;
    }
}
