package fr.litiges.decision.api;

/**
 * The contract's bounds on every value a complaint carries (decision-api.md, docs/security.md
 * "Limits of a complaint"). /validate and /decisions check the same annotations, so a value
 * accepted by one is accepted by the other; the bounds also keep every figure the service
 * computes (dates, costs) inside what the response schema promises.
 */
public final class Bounds {
    /** Identifiers from the CRM (complaint): letters, digits and . _ : / - only. */
    public static final String COMPLAINT_ID = "^[A-Za-z0-9._:/-]{1,64}$";
    public static final String COMPLAINT_ID_MESSAGE = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : / -";

    /**
     * Other identifiers (customer, invoice, order, delivery, article): the complaint id's set plus
     * space, # and +; no markup, control, line-break or bidirectional characters, since they are
     * copied into the decision's evidence.
     */
    public static final String REFERENCE = "^[A-Za-z0-9._:/#+ -]{1,64}$";
    public static final String REFERENCE_MESSAGE = "must be 1 to 64 characters of A-Z a-z 0-9 space . _ : / # + -";

    /** Money: 0 to 1,000,000,000,000 with at most 2 decimals. */
    public static final String MAX_AMOUNT = "1000000000000";
    public static final int AMOUNT_INTEGER_DIGITS = 13;
    public static final int AMOUNT_DECIMALS = 2;
    public static final String AMOUNT_DIGITS_MESSAGE = "must have at most 2 decimals";

    /** A customer's annual revenue: 0 to 10^15 with at most 2 decimals. */
    public static final String MAX_REVENUE = "1000000000000000";
    public static final int REVENUE_INTEGER_DIGITS = 16;

    /** Quantities and unit prices: 0 to 1,000,000,000 with at most 4 decimals. */
    public static final String MAX_QUANTITY = "1000000000";
    public static final String MAX_UNIT_PRICE = "1000000000";
    public static final int QUANTITY_INTEGER_DIGITS = 10;
    public static final int QUANTITY_DECIMALS = 4;
    public static final String QUANTITY_DIGITS_MESSAGE = "must have at most 4 decimals";

    /** Dates: YYYY-MM-DD from 1900-01-01 to 2999-12-31, so that every computed date stays a 4-digit year. */
    public static final String MIN_DATE = "1900-01-01";
    public static final String MAX_DATE = "2999-12-31";

    /** Free text, counted in Unicode code points as JSON Schema counts them. */
    public static final int MAX_TEXT = 20_000;

    private Bounds() {
    }
}
