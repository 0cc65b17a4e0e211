package fr.litiges.prevention.facts;

import java.util.ArrayList;
import java.util.List;

/** What reminder table rows answer: every matching row adds one reminder line. */
public abstract class ReminderRequest {
    private final String invoice;
    private final List<ReminderLine> lines = new ArrayList<>();

    ReminderRequest(String invoice) {
        this.invoice = invoice;
    }

    public String getInvoice() { return invoice; }

    public ReminderLine remind(String channel) {
        ReminderLine line = new ReminderLine(channel);
        lines.add(line);
        return line;
    }

    public List<ReminderLine> lines() {
        return lines;
    }
}
