package fr.litiges.prevention.facts;

/**
 * A dispute the company's own data already show on an invoice, with the department the routing
 * table gives its cause; asked what to do about it now (table "Litiges probables").
 */
public final class LikelyDispute extends ReminderRequest {
    private final String cause;
    private final String subCause;
    private final String department;

    public LikelyDispute(String invoice, String cause, String subCause, String department) {
        super(invoice);
        this.cause = cause;
        this.subCause = subCause;
        this.department = department;
    }

    public String getCause() { return cause; }
    public String getSubCause() { return subCause; }
    public String getDepartment() { return department; }
}
