package fr.litiges.prevention;

import fr.litiges.decision.api.Codes.Department;
import fr.litiges.prevention.api.PreventionCodes.ReminderChannel;
import fr.litiges.prevention.api.PreventionCodes.ReminderTemplate;
import fr.litiges.prevention.facts.ReminderAnswer;
import fr.litiges.prevention.facts.ReminderRequest;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reminder a table row asks for, gathered from that row's answers (one per filled action
 * column), before any date arithmetic: its day is asOf when no offset is given, else the due
 * date minus the offset; the owner, when none is given, is the department of the likely dispute's cause.
 */
record AskedReminder(String row, ReminderChannel channel, ReminderTemplate template, Integer daysBeforeDue, Department owner) {

    /** The rows' answers grouped by question, then by row in the order the rows answered (the table's order). */
    static Map<ReminderRequest, Map<String, AskedReminder>> byRequestAndRow(List<ReminderAnswer> answers) {
        Map<ReminderRequest, Map<String, AskedReminder>> grouped = new IdentityHashMap<>();
        for (ReminderAnswer answer : answers) {
            Map<String, AskedReminder> rows = grouped.computeIfAbsent(answer.getRequest(), k -> new LinkedHashMap<>());
            AskedReminder so = rows.getOrDefault(answer.getRow(), new AskedReminder(answer.getRow(), null, null, null, null));
            rows.put(answer.getRow(), so.with(answer));
        }
        for (Map<String, AskedReminder> rows : grouped.values()) {
            for (AskedReminder reminder : rows.values()) {
                if (reminder.channel == null || reminder.template == null) {
                    // Both columns are required (sheet Colonnes); a row without them is refused when the tables load.
                    throw new IllegalStateException("reminder row " + reminder.row + " gives no " + (reminder.channel == null ? "channel" : "template"));
                }
            }
        }
        return grouped;
    }

    private AskedReminder with(ReminderAnswer answer) {
        if (answer instanceof ReminderAnswer.Channel c) {
            return new AskedReminder(row, c.getChannel(), template, daysBeforeDue, owner);
        } else if (answer instanceof ReminderAnswer.Template t) {
            return new AskedReminder(row, channel, t.getTemplate(), daysBeforeDue, owner);
        } else if (answer instanceof ReminderAnswer.DaysBeforeDue d) {
            return new AskedReminder(row, channel, template, d.getDays(), owner);
        } else if (answer instanceof ReminderAnswer.Owner o) {
            return new AskedReminder(row, channel, template, daysBeforeDue, o.getOwner());
        }
        throw new IllegalArgumentException("unknown reminder answer " + answer.getClass().getName());
    }
}
