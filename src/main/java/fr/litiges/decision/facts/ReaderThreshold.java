package fr.litiges.decision.facts;

import java.util.Locale;

/**
 * A row of causes.xlsx "Second lecteur": the minimum probability and margin the second reader's opinion
 * needs for one use (PROPOSER: propose a cause when nothing else found one; CONTREDIRE: send to review
 * when it reads another cause than the words alone). Inserted with the reader's opinion; a rule that
 * uses it is followed in the trace by this row, as a text pattern row is.
 */
public final class ReaderThreshold {
    private final String use;
    private final double probability;
    private final double margin;
    private final String id;
    private final String source;
    private final String sheet;
    private final int row;

    public ReaderThreshold(String use, double probability, double margin, String id, String source, String sheet, int row) {
        this.use = use;
        this.probability = probability;
        this.margin = margin;
        this.id = id;
        this.source = source;
        this.sheet = sheet;
        this.row = row;
    }

    public String getUse() { return use; }
    public double getProbability() { return probability; }
    public double getMargin() { return margin; }
    public String getId() { return id; }
    public String getSource() { return source; }
    public String getSheet() { return sheet; }
    public int getRow() { return row; }

    /** "SL-001 (decision-tables/causes.xlsx, Second lecteur, row 5: PROPOSER, probability ≥ 0.7, margin ≥ 0.7)" */
    public String getDescription() {
        return String.format(Locale.ROOT, "%s (%s, %s, row %d: %s, probability ≥ %s, margin ≥ %s)", id, source, sheet, row, use,
                probability, margin);
    }

    @Override
    public String toString() {
        return getDescription();
    }
}
