package fr.litiges.ruleset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * Something wrong in an analyst's file, located in the analyst's own terms: the file, and
 * either the line of a DRL file or the sheet and 1-based row (and cell, when known) of a table.
 * The message is in French, the analysts' language; {@code english} is the same message for a
 * caller that asks for English ({@code Accept-Language: en}).
 */
public record RuleProblem(String source, String sheet, Integer row, String cell, Integer line, String message,
                          @JsonIgnore String english) {

    public RuleProblem {
        english = english == null ? message : english;
    }

    /** A problem whose message exists in one wording only. */
    public RuleProblem(String source, String sheet, Integer row, String cell, Integer line, String message) {
        this(source, sheet, row, cell, line, message, message);
    }

    static RuleProblem inFile(String source, String message) {
        return new RuleProblem(source, null, null, null, null, message);
    }

    static RuleProblem inFile(String source, String french, String english) {
        return new RuleProblem(source, null, null, null, null, french, english);
    }

    static RuleProblem atLine(String source, Integer line, String message) {
        return new RuleProblem(source, null, null, null, line == null || line <= 0 ? null : line, message);
    }

    static RuleProblem atRow(String source, String sheet, Integer row, String cell, String message) {
        return new RuleProblem(source, sheet, row, cell, null, message);
    }

    static RuleProblem atRow(String source, String sheet, Integer row, String cell, String french, String english) {
        return new RuleProblem(source, sheet, row, cell, null, french, english);
    }

    /** A problem with a row of an analyst's scenario book. */
    public static RuleProblem ofScenario(String source, String sheet, Integer row, String message) {
        return new RuleProblem(source, sheet, row, null, null, message);
    }

    /** A problem with one cell of an analyst's scenario book, in both languages. */
    public static RuleProblem ofScenarioCell(String source, String sheet, Integer row, String cell, String french, String english) {
        return new RuleProblem(source, sheet, row, cell, null, french, english);
    }

    /** The same problem with its message in the caller's language (French unless English is asked for). */
    public RuleProblem in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english ? new RuleProblem(source, sheet, row, cell, line, this.english, this.english) : this;
    }

    /** "decision-tables/routing.xlsx, feuille Services, cellule B14 : message" (French). */
    @Override
    public String toString() {
        return describe(Locale.FRENCH);
    }

    /** Where and what, in the given language. */
    public String describe(Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        StringBuilder where = new StringBuilder(source == null ? (en ? "(ruleset)" : "(règles)") : source);
        if (sheet != null) {
            where.append(en ? ", sheet " : ", feuille ").append(sheet);
        }
        if (cell != null) {
            where.append(en ? ", cell " : ", cellule ").append(cell);
        } else if (row != null) {
            where.append(en ? ", row " : ", ligne ").append(row);
        }
        if (line != null) {
            where.append(en ? ", line " : ", ligne ").append(line);
        }
        return where.append(en ? ": " : " : ").append(en ? english : message).toString();
    }

    /** The innermost message of a failure: what went wrong, without the wrappers' words. */
    public static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null ? cause.getClass().getSimpleName() : message.strip();
    }
}
