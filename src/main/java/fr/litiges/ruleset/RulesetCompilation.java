package fr.litiges.ruleset;

import java.util.List;

/**
 * The outcome of compiling the analysts' folders: a ruleset, or every problem found; and the
 * warnings that refuse nothing (an editor's backup copy left in a folder, ignored).
 */
public record RulesetCompilation(Ruleset ruleset, List<RuleProblem> problems, List<String> warnings) {

    public RulesetCompilation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public RulesetCompilation(Ruleset ruleset, List<RuleProblem> problems) {
        this(ruleset, problems, List.of());
    }

    public boolean succeeded() {
        return ruleset != null && problems.isEmpty();
    }
}
