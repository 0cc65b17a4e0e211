package fr.litiges.decision.facts;

/**
 * Where an analyst cue was found in a customer text. Compared by identity on purpose:
 * {@link CustomerText#weigh} finds "its" credit by the very hit object a rule bound.
 */
public final class CueHit {

    private final String cue;
    private final String matchedText;
    private final int start;

    CueHit(String cue, String matchedText, int start) {
        this.cue = cue;
        this.matchedText = matchedText;
        this.start = start;
    }

    /** The cue exactly as the analyst wrote it in the rule table. */
    public String getCue() {
        return cue;
    }

    /** The customer's words as written (case, accents, punctuation), first to last matched word. */
    public String getMatchedText() {
        return matchedText;
    }

    /** Char offset of the matched text in the original customer text. */
    public int getStart() {
        return start;
    }

    @Override
    public String toString() {
        return "CueHit[cue=\"" + cue + "\", matched=\"" + matchedText + "\" at " + start + "]";
    }
}
