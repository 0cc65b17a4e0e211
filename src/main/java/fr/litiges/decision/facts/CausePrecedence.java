package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.SubCause;
import org.kie.api.definition.type.ClassReactive;

/**
 * The precedence table's answer for one sub-cause found: its rank among equally sure causes
 * (1 = first). Inserted by a row of causes.xlsx "Préséance" only for a sub-cause that was found.
 */
@ClassReactive
public final class CausePrecedence {
    private final String subCause;
    private final int rank;

    public CausePrecedence(String subCause, int rank) {
        this.subCause = CauseFinding.parse(SubCause.class, subCause, "sub-cause").name();
        if (rank < 1) {
            throw new IllegalArgumentException("precedence rank of " + subCause + " must be 1 or more: " + rank);
        }
        this.rank = rank;
    }

    public String getSubCause() { return subCause; }
    public int getRank() { return rank; }

    @Override
    public String toString() {
        return "CausePrecedence " + subCause + " " + rank;
    }
}
