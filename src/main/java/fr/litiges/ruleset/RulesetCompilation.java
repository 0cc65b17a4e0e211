package fr.litiges.ruleset;

import java.util.List;

/** The outcome of compiling the analysts' folders: a ruleset, or every problem found. */
public record RulesetCompilation(Ruleset ruleset, List<RuleProblem> problems) {

    public RulesetCompilation {
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return ruleset != null && problems.isEmpty();
    }
}
