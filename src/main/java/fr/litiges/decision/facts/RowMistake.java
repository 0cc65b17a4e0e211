package fr.litiges.decision.facts;

/**
 * A table row asked a fact something it cannot do (a ladder with a gap, say): the analyst's
 * mistake, worded for the analyst in French, with the English kept as the exception's message.
 */
public final class RowMistake extends IllegalArgumentException {
    private final String french;

    RowMistake(String french, String english) {
        super(english);
        this.french = french;
    }

    public String french() {
        return french;
    }
}
