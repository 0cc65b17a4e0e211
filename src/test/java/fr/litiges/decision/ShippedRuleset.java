package fr.litiges.decision;

import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import java.nio.file.Path;

/** The ruleset shipped in rules/ and decision-tables/, compiled once for all the tests of a JVM. */
public final class ShippedRuleset {
    private static Ruleset ruleset;

    private ShippedRuleset() {
    }

    public static synchronized Ruleset get() {
        if (ruleset == null) {
            RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
            if (!compilation.succeeded()) {
                throw new IllegalStateException("the shipped ruleset does not compile: " + compilation.problems());
            }
            ruleset = compilation.ruleset();
        }
        return ruleset;
    }
}
