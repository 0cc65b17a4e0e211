package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.PaymentPolicy;

/**
 * The assumptions behind the payment-delay arithmetic, answered by the payment tables:
 * which policy applies to this cause, what money costs, and the default payment terms.
 * The first matching table row wins, as analysts read a table top-down.
 */
public final class PaymentImpactBasis {
    private final String primaryCause;
    private final String subCause;
    private final String currency;
    private final String customerType;
    private String policy;
    private Double annualFinancingRate;
    private Integer defaultPaymentTermsDays;

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
    public String getPolicy() { return policy; }
    public Double getAnnualFinancingRate() { return annualFinancingRate; }
    public Integer getDefaultPaymentTermsDays() { return defaultPaymentTermsDays; }

    public void setPolicy(String policy) {
        String code = CauseFinding.parse(PaymentPolicy.class, policy, "payment policy").name();
        if (this.policy == null) {
            this.policy = code;
        }
    }

    public void setAnnualFinancingRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("annual financing rate must be between 0 and 1: " + rate);
        }
        if (annualFinancingRate == null) {
            annualFinancingRate = rate;
        }
    }

    public void setDefaultPaymentTermsDays(int days) {
        if (days < 0 || days > 365) {
            throw new IllegalArgumentException("default payment terms must be 0..365 days: " + days);
        }
        if (defaultPaymentTermsDays == null) {
            defaultPaymentTermsDays = days;
        }
    }
}
