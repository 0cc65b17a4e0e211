package fr.litiges.text;

/** A mistake in a text table, at its sheet and 1-based row (null when it concerns the whole sheet). */
public record TextTableProblem(String sheet, Integer row, String message) {
}
