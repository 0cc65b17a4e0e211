package fr.litiges.decision.api;

/**
 * The contract's fixed code lists (decision-api.md, "Codes"). Unknown codes in a request are
 * refused with a 400; rules may only produce these codes, except actions, which are open.
 */
public final class Codes {
    private Codes() {
    }

    public enum CustomerType { BUSINESS, CONSUMER }

    public enum InvoiceStatus { OPEN, OVERDUE, PAID }

    public enum ReasonCode {
        BILLED_TWICE, WRONG_PRICE, INVOICE_BEFORE_DELIVERY, MISSING_ITEMS, WRONG_ITEMS,
        DAMAGED_GOODS, DEFECTIVE_PRODUCT, POOR_SERVICE, NOT_PAID, OTHER
    }

    public enum AttemptOutcome { FAILED, ONGOING, RESOLVED }

    public enum Cause { QUALITY, BILLING_ERROR, NON_CONFORMING_DELIVERY, UNPAID, UNKNOWN }

    /**
     * Each sub-cause belongs to exactly one cause: the contract fixes this hierarchy. Declared in
     * the order of default-policy.md section 1, the last tie-break between two sub-causes of one
     * cause found equally strong and equally supported.
     */
    public enum SubCause {
        DUPLICATE_INVOICE(Cause.BILLING_ERROR),
        PRICE_DISAGREEMENT(Cause.BILLING_ERROR),
        INVOICED_BEFORE_DELIVERY(Cause.BILLING_ERROR),
        INCOMPLETE_DELIVERY(Cause.NON_CONFORMING_DELIVERY),
        ORDER_MISMATCH(Cause.NON_CONFORMING_DELIVERY),
        DEFECTIVE_PRODUCT(Cause.QUALITY),
        UNSATISFACTORY_SERVICE(Cause.QUALITY),
        CASH_FLOW_DIFFICULTY(Cause.UNPAID),
        NO_REASON_GIVEN(Cause.UNPAID),
        NEEDS_REVIEW(Cause.UNKNOWN);

        private final Cause cause;

        SubCause(Cause cause) {
            this.cause = cause;
        }

        public Cause cause() {
            return cause;
        }
    }

    /** Declared strongest first, so the natural order ranks findings. */
    public enum Confidence { HIGH, MEDIUM, LOW }

    public enum Channel {
        AMICABLE_SETTLEMENT, BUSINESS_MEDIATION, THIRD_PARTY_MEDIATION, BP5000_CONCILIATION, JUDICIAL_PROCEEDINGS
    }

    public enum Department { QUALITY, BILLING, LOGISTICS, CREDIT_MANAGEMENT, CUSTOMER_SERVICE, SALES, LEGAL }

    public enum Priority { HIGH, MEDIUM, LOW }

    public enum PaymentPolicy { TERMS_RESTART_AT_RESOLUTION, PAYMENT_AT_RESOLUTION }
}
