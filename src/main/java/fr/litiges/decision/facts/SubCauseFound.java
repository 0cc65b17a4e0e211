package fr.litiges.decision.facts;

import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * A sub-cause that stands once the findings are settled, once however many findings prove it:
 * what the precedence table looks up, so that its rows fire for found sub-causes only, once each.
 */
@ClassReactive
public final class SubCauseFound {
    private final String subCause;

    public SubCauseFound(String subCause) {
        this.subCause = Objects.requireNonNull(subCause, "sub-cause");
    }

    public String getSubCause() { return subCause; }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubCauseFound found && found.subCause.equals(subCause);
    }

    @Override
    public int hashCode() {
        return subCause.hashCode();
    }

    @Override
    public String toString() {
        return "SubCauseFound " + subCause;
    }
}
