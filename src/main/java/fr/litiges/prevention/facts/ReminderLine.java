package fr.litiges.prevention.facts;

import fr.litiges.decision.api.Codes.Department;
import fr.litiges.prevention.api.PreventionCodes;
import fr.litiges.prevention.api.PreventionCodes.ReminderChannel;
import fr.litiges.prevention.api.PreventionCodes.ReminderTemplate;

/**
 * A reminder a table row asks for, before any date arithmetic: its day is asOf when no offset
 * is given, else the due date minus the offset; the owner, when none is given, is the
 * department of the likely dispute's cause.
 */
public final class ReminderLine {
    private final ReminderChannel channel;
    private ReminderTemplate template;
    private Integer daysBeforeDue;
    private Department owner;

    ReminderLine(String channel) {
        this.channel = PreventionCodes.parse(ReminderChannel.class, channel, "reminder channel");
    }

    public void template(String code) {
        template = PreventionCodes.parse(ReminderTemplate.class, code, "reminder template");
    }

    public void daysBeforeDue(int days) {
        if (days < 0 || days > 366) {
            throw new IllegalArgumentException("days before the due date must be 0 to 366, not " + days);
        }
        daysBeforeDue = days;
    }

    public void owner(String code) {
        owner = PreventionCodes.parse(Department.class, code, "department");
    }

    public ReminderChannel channel() { return channel; }
    public ReminderTemplate template() { return template; }
    public Integer daysBeforeDue() { return daysBeforeDue; }
    public Department owner() { return owner; }
}
