package fr.litiges.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** The analysts' files do not compile; carries every problem, located. */
public final class InvalidRulesetException extends RuntimeException {
    private final transient List<RuleProblem> problems;

    public InvalidRulesetException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules:\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
