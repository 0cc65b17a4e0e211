package fr.litiges.prevention.facts;

import java.time.LocalDate;

/** A day a reminder would fall on, asked whether it is a working day (table "Calendrier"). */
public final class CalendarDay {
    private final String date;
    private final String dayOfWeek;
    private String closedFor;

    public CalendarDay(LocalDate date) {
        this.date = date.toString();
        this.dayOfWeek = date.getDayOfWeek().name();
    }

    /** ISO date, e.g. 2026-12-25. */
    public String getDate() { return date; }
    /** MONDAY ... SUNDAY. */
    public String getDayOfWeek() { return dayOfWeek; }

    public void close(String reason) {
        if (closedFor == null) {
            closedFor = reason == null || reason.isBlank() ? "closed" : reason;
        }
    }

    public boolean isClosed() { return closedFor != null; }
    public String closedFor() { return closedFor; }
}
