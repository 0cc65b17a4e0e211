package fr.litiges.prevention.facts;

import fr.litiges.decision.api.Codes.Department;
import fr.litiges.prevention.api.PreventionCodes;
import fr.litiges.prevention.api.PreventionCodes.ReminderChannel;
import fr.litiges.prevention.api.PreventionCodes.ReminderTemplate;
import org.kie.api.definition.type.ClassReactive;

/**
 * One cell of a reminder row (sheets "Litiges probables" and "Relances par niveau"): each action
 * column inserts its own answer, with the row (rule) that gave it, so an empty optional cell is
 * simply no answer. The plan gathers a row's answers into one reminder.
 */
@ClassReactive
public abstract class ReminderAnswer {
    private final ReminderRequest request;
    private final String row;

    ReminderAnswer(ReminderRequest request, String row) {
        this.request = request;
        this.row = row;
    }

    /** The question the row answers (a likely dispute, or an invoice's tier). */
    public ReminderRequest getRequest() { return request; }
    /** The rule (table row) that answered. */
    public String getRow() { return row; }

    /** "Canal": the row asks for a reminder on this channel. */
    @ClassReactive
    public static final class Channel extends ReminderAnswer {
        private final ReminderChannel channel;

        public Channel(ReminderRequest request, String row, String channel) {
            super(request, row);
            this.channel = PreventionCodes.parse(ReminderChannel.class, channel, "reminder channel");
        }

        public ReminderChannel getChannel() { return channel; }
    }

    /** "Modèle": the message template of the row's reminder. */
    @ClassReactive
    public static final class Template extends ReminderAnswer {
        private final ReminderTemplate template;

        public Template(ReminderRequest request, String row, String template) {
            super(request, row);
            this.template = PreventionCodes.parse(ReminderTemplate.class, template, "reminder template");
        }

        public ReminderTemplate getTemplate() { return template; }
    }

    /** "Jours avant échéance": the reminder is this many days before the due date (none: on asOf). */
    @ClassReactive
    public static final class DaysBeforeDue extends ReminderAnswer {
        private final int days;

        public DaysBeforeDue(ReminderRequest request, String row, int days) {
            super(request, row);
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("days before the due date must be 0 to 366, not " + days);
            }
            this.days = days;
        }

        public int getDays() { return days; }
    }

    /** "Responsable": the department that makes the call or sends the message (none: the cause's department). */
    @ClassReactive
    public static final class Owner extends ReminderAnswer {
        private final Department owner;

        public Owner(ReminderRequest request, String row, String owner) {
            super(request, row);
            this.owner = PreventionCodes.parse(Department.class, owner, "department");
        }

        public Department getOwner() { return owner; }
    }
}
