package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;
import java.math.BigDecimal;

// Immutable: class reactivity costs nothing and spares constraints that compare two facts a warning.
@ClassReactive
public final class OrderLine {
    private final String orderRef;
    private final String sku;
    private final BigDecimal quantity;
    private final BigDecimal agreedUnitPrice;

    public OrderLine(String orderRef, String sku, BigDecimal quantity, BigDecimal agreedUnitPrice) {
        this.orderRef = orderRef;
        this.sku = sku;
        this.quantity = quantity;
        this.agreedUnitPrice = agreedUnitPrice;
    }

    public String getOrderRef() { return orderRef; }
    public String getSku() { return sku; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getAgreedUnitPrice() { return agreedUnitPrice; }
}
