package fr.litiges.decision.facts;

/**
 * A cue of the cue table found in the customer's words. The cue table's rows match it by
 * equality ({@code CueFound(cue == "il manque")}), which Drools indexes, and credit it to a
 * sub-cause with a weight.
 */
public final class CueFound {
    private final CustomerText text;
    private final CueHit hit;

    CueFound(CustomerText text, CueHit hit) {
        this.text = text;
        this.hit = hit;
    }

    /** The cue as the analyst wrote it in the table. */
    public String getCue() {
        return hit.getCue();
    }

    /** The customer's words that matched it, as written. */
    public String getMatchedText() {
        return hit.getMatchedText();
    }

    public void credit(String subCause) {
        text.credit(hit, subCause);
    }

    public void weigh(Number weight) {
        text.weigh(hit, weight);
    }

    @Override
    public String toString() {
        return "CueFound[" + hit.getCue() + "]";
    }
}
