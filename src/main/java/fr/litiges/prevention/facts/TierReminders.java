package fr.litiges.prevention.facts;

/** The reminders an invoice gets for its risk tier (table "Relances par niveau"). */
public final class TierReminders extends ReminderRequest {
    private final String tier;

    public TierReminders(String invoice, String tier) {
        super(invoice);
        this.tier = tier;
    }

    public String getTier() { return tier; }
}
