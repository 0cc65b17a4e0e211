package fr.litiges.decision.facts;

import fr.litiges.decision.api.Decision.CauseFound;
import java.util.List;

/**
 * The causes found, strongest first, as the ranking rule settled them; the first is the primary
 * cause. {@code unranked} names the sub-causes found that the precedence table has no row for:
 * their place is then unknown, and the decision says so instead of guessing.
 */
public record RankedCauses(List<CauseFound> causes, List<String> unranked) implements DecisionAnswer {
    public RankedCauses {
        causes = List.copyOf(causes);
        unranked = List.copyOf(unranked);
    }

    /** The primary cause as the later tables read it; null when nothing was found. */
    public Classification primary() {
        if (causes.isEmpty()) {
            return null;
        }
        CauseFound first = causes.get(0);
        return new Classification(first.cause().name(), first.subCause().name(), first.confidence().name());
    }
}
