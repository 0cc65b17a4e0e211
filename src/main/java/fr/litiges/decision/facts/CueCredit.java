package fr.litiges.decision.facts;

/**
 * One rule's vote: "this hit points to that sub-cause, with this weight". Immutable; a later
 * {@link CustomerText#weigh} replaces the credit in its text's list instead of mutating it.
 * Getter-style accessors are there for Drools/MVEL and bean-based serialisers.
 */
public record CueCredit(CueHit hit, String subCause, double weight) {

    public CueCredit {
        if (hit == null) {
            throw new IllegalArgumentException("a credit needs a cue hit, got null");
        }
        if (subCause == null || subCause.isBlank()) {
            throw new IllegalArgumentException("a credit needs a sub-cause, got \"" + subCause + "\" for " + hit);
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight must be a finite number >= 0, got " + weight
                    + " for sub-cause " + subCause + " and " + hit);
        }
    }

    public CueHit getHit() {
        return hit;
    }

    public String getSubCause() {
        return subCause;
    }

    public double getWeight() {
        return weight;
    }
}
