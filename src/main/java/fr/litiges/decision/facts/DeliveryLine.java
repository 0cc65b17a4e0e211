package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;
import java.math.BigDecimal;

// Immutable: class reactivity costs nothing and spares constraints that compare two facts a warning.
@ClassReactive
public final class DeliveryLine {
    private final String deliveryRef;
    private final String sku;
    private final BigDecimal quantity;

    public DeliveryLine(String deliveryRef, String sku, BigDecimal quantity) {
        this.deliveryRef = deliveryRef;
        this.sku = sku;
        this.quantity = quantity;
    }

    public String getDeliveryRef() { return deliveryRef; }
    public String getSku() { return sku; }
    public BigDecimal getQuantity() { return quantity; }
}
