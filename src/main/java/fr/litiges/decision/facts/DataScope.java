package fr.litiges.decision.facts;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the data rules of {@code rules/causes-from-data.drl} look at: the invoices under
 * examination, the order they bill with its lines, and that order's deliveries. A complaint
 * inserts one scope holding all its data; a prevention plan inserts one per invoice of the
 * portfolio, so one definition of "billed twice" or "short delivery" serves both.
 * {@code peerInvoices} are the invoices an examined one may duplicate (the examined ones included).
 */
public final class DataScope {
    private final String id;
    private final List<Invoice> invoices;
    private final List<InvoiceLine> invoiceLines;
    private final List<Invoice> peerInvoices;
    private final PurchaseOrder order;
    private final List<OrderLine> orderLines;
    private final List<Delivery> deliveries;
    private final List<DeliveryLine> deliveryLines;
    private final Set<Invoice> examined;

    public DataScope(String id, List<Invoice> invoices, List<InvoiceLine> invoiceLines, List<Invoice> peerInvoices,
                     PurchaseOrder order, List<OrderLine> orderLines, List<Delivery> deliveries, List<DeliveryLine> deliveryLines) {
        this.id = id;
        this.invoices = List.copyOf(invoices);
        this.invoiceLines = List.copyOf(invoiceLines);
        this.peerInvoices = List.copyOf(peerInvoices);
        this.order = order;
        this.orderLines = List.copyOf(orderLines);
        this.deliveries = List.copyOf(deliveries);
        this.deliveryLines = List.copyOf(deliveryLines);
        Set<Invoice> byIdentity = Collections.newSetFromMap(new IdentityHashMap<>());
        byIdentity.addAll(invoices);
        this.examined = byIdentity;
    }

    public String getId() { return id; }
    public List<Invoice> getInvoices() { return invoices; }
    public List<InvoiceLine> getInvoiceLines() { return invoiceLines; }
    public List<Invoice> getPeerInvoices() { return peerInvoices; }
    public PurchaseOrder getOrder() { return order; }
    public List<OrderLine> getOrderLines() { return orderLines; }
    public List<Delivery> getDeliveries() { return deliveries; }
    public List<DeliveryLine> getDeliveryLines() { return deliveryLines; }

    /** Whether this invoice is one of those under examination (not merely a peer). */
    public boolean examines(Invoice invoice) {
        return examined.contains(invoice);
    }

    /** Whether any of these invoices is under examination (a group of duplicates found through its first invoice). */
    public boolean examinesAny(java.util.Collection<?> invoices) {
        for (Object invoice : invoices) {
            if (invoice instanceof Invoice i && examined.contains(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "DataScope " + Objects.toString(id, "");
    }
}
