package fr.litiges.decision.facts;

import java.math.BigDecimal;

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
