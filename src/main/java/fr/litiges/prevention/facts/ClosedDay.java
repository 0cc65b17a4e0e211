package fr.litiges.prevention.facts;

import org.kie.api.definition.type.ClassReactive;

/** The calendar table's answer (sheet "Calendrier"): this day is not worked, and why. */
@ClassReactive
public final class ClosedDay {
    private final CalendarDay day;
    private final String reason;

    public ClosedDay(CalendarDay day, String reason) {
        this.day = day;
        this.reason = reason == null || reason.isBlank() ? "closed" : reason;
    }

    public CalendarDay getDay() { return day; }
    public String getReason() { return reason; }

    @Override
    public String toString() {
        return "ClosedDay " + day.getDate() + " " + reason;
    }
}
