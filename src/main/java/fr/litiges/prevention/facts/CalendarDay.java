package fr.litiges.prevention.facts;

import java.time.LocalDate;

/** A day a reminder would fall on, asked whether it is a working day (table "Calendrier"; a closed day is a {@link ClosedDay}). */
public final class CalendarDay {
    private final LocalDate day;
    private final String date;
    private final String dayOfWeek;

    public CalendarDay(LocalDate date) {
        this.day = date;
        this.date = date.toString();
        this.dayOfWeek = date.getDayOfWeek().name();
    }

    /** ISO date, e.g. 2026-12-25. */
    public String getDate() { return date; }
    /** MONDAY ... SUNDAY. */
    public String getDayOfWeek() { return dayOfWeek; }

    public LocalDate day() { return day; }
}
