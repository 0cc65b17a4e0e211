package fr.litiges.bench;

import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Complaint;
import fr.litiges.prevention.api.PreventionRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated portfolio as a CRM would send it: two invoices per order, one to three lines each,
 * most orders delivered in full, some short, refused, not yet delivered or billed above the agreed
 * price, a few invoices paid, overdue or already in dispute, due dates over the next three months.
 */
final class PortfolioMix {
    private PortfolioMix() {
    }

    static PreventionRequest generate(int invoices, long seed) {
        Random random = new Random(seed);
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        List<Complaint.Invoice> bills = new ArrayList<>();
        List<Complaint.Order> orders = new ArrayList<>();
        List<PreventionRequest.Delivery> deliveries = new ArrayList<>();
        List<String> disputes = new ArrayList<>();
        for (int o = 0; bills.size() < invoices; o++) {
            String ref = "PO-" + o;
            int skus = 1 + random.nextInt(3);
            List<Complaint.OrderLine> ordered = new ArrayList<>();
            List<Complaint.InvoiceLine> billed = new ArrayList<>();
            List<Complaint.DeliveryLine> delivered = new ArrayList<>();
            double kind = random.nextDouble();
            BigDecimal total = BigDecimal.ZERO;
            for (int s = 0; s < skus; s++) {
                String sku = "SKU-" + random.nextInt(400);
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(50));
                BigDecimal price = BigDecimal.valueOf(5 + random.nextInt(500)).setScale(2);
                ordered.add(new Complaint.OrderLine(sku, quantity, price));
                BigDecimal billedPrice = kind < 0.03 ? price.multiply(new BigDecimal("1.05")).setScale(2, java.math.RoundingMode.HALF_UP) : price;
                billed.add(new Complaint.InvoiceLine(sku, quantity, billedPrice));
                delivered.add(new Complaint.DeliveryLine(sku, kind < 0.13 && kind >= 0.03 ? quantity.subtract(BigDecimal.ONE) : quantity));
                total = total.add(quantity.multiply(billedPrice));
            }
            orders.add(new Complaint.Order(ref, asOf.minusDays(60), ordered));
            if (kind >= 0.18 || kind < 0.13) {
                deliveries.add(new PreventionRequest.Delivery("BL-" + o, ref, asOf.minusDays(40), kind < 0.23 && kind >= 0.18 ? false : true, delivered));
            }
            for (int half = 0; half < 2 && bills.size() < invoices; half++) {
                String number = "F-" + bills.size();
                double state = random.nextDouble();
                InvoiceStatus status = state < 0.10 ? InvoiceStatus.PAID : state < 0.15 ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
                BigDecimal amount = half == 0 ? total.setScale(2, java.math.RoundingMode.HALF_UP) : BigDecimal.valueOf(100 + random.nextInt(20_000)).setScale(2);
                LocalDate dueOn = asOf.plusDays(1 + random.nextInt(90));
                bills.add(new Complaint.Invoice(number, dueOn.minusDays(60), dueOn, amount, "EUR", ref, 60, status, half == 0 ? billed : List.of()));
                if (state > 0.98) {
                    disputes.add(number);
                }
            }
        }
        Complaint.Customer customer = new Complaint.Customer("K-BENCH", CustomerType.BUSINESS, 4, null, false, 1, false);
        return new PreventionRequest(asOf, customer, bills, orders, deliveries, disputes);
    }
}
