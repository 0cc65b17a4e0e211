package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;

/**
 * What the payment tables look up: the primary cause, the currency and the customer type.
 * They answer with {@link ChosenPaymentPolicy}; the financing table answers from the
 * {@link Dispute} ({@link FinancingRate}, {@link DefaultPaymentTerms}).
 */
@ClassReactive
public final class PaymentImpactBasis {
    private final String primaryCause;
    private final String subCause;
    private final String currency;
    private final String customerType;

    public PaymentImpactBasis(String primaryCause, String subCause, String currency, String customerType) {
        this.primaryCause = primaryCause;
        this.subCause = subCause;
        this.currency = currency;
        this.customerType = customerType;
    }

    public String getPrimaryCause() { return primaryCause; }
    public String getSubCause() { return subCause; }
    public String getCurrency() { return currency; }
    public String getCustomerType() { return customerType; }
}
