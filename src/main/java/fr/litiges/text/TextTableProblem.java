package fr.litiges.text;

/**
 * A mistake in a text table, at its sheet and 1-based row (null when it concerns the whole sheet).
 * The message is French, for the analysts; {@code english} is the same for {@code Accept-Language: en}.
 */
public record TextTableProblem(String sheet, Integer row, String message, String english) {
    public TextTableProblem {
        english = english == null ? message : english;
    }
}
