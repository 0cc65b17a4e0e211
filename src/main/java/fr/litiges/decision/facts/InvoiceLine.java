package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;
import java.math.BigDecimal;
import java.math.RoundingMode;

// Immutable: class reactivity costs nothing and spares constraints that compare two facts a warning.
@ClassReactive
public final class InvoiceLine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String invoiceNumber;
    private final String sku;
    private final BigDecimal quantity;
    private final BigDecimal unitPrice;

    public InvoiceLine(String invoiceNumber, String sku, BigDecimal quantity, BigDecimal unitPrice) {
        this.invoiceNumber = invoiceNumber;
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String getInvoiceNumber() { return invoiceNumber; }
    public String getSku() { return sku; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }

    /**
     * Whether the invoiced unit price exceeds a reference price by more than the given
     * percentage; the tolerance itself is policy and comes from the rule.
     */
    public boolean priceExceeds(BigDecimal reference, double tolerancePercent) {
        if (unitPrice == null || reference == null) {
            return false;
        }
        BigDecimal ceiling = reference.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(tolerancePercent).divide(HUNDRED, 10, RoundingMode.HALF_UP)));
        return unitPrice.compareTo(ceiling) > 0;
    }
}
