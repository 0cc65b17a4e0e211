package fr.litiges.scenario;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import jakarta.validation.Validation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar app.jar validate}: compiles the rules and tables of the working directory
 * and runs the scenarios, without starting the web server. Exit code 0 when all is well, 1 with
 * every problem listed otherwise, 2 for a usage error. Prints the rules no scenario fired.
 */
public final class ValidateCommand {
    private ValidateCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        // No Spring here to read the logging settings: keep the analyst's console to what matters.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.drools.compiler.kie.builder.impl")).setLevel(Level.OFF);
        Path rules = Path.of("rules");
        Path tables = Path.of("decision-tables");
        Path scenarios = Path.of("scenarios");
        for (String arg : args) {
            if (arg.startsWith("--rules-dir=")) {
                rules = Path.of(arg.substring("--rules-dir=".length()));
            } else if (arg.startsWith("--tables-dir=")) {
                tables = Path.of(arg.substring("--tables-dir=".length()));
            } else if (arg.startsWith("--scenarios-dir=")) {
                scenarios = Path.of(arg.substring("--scenarios-dir=".length()));
            } else {
                out.println("usage: validate [--rules-dir=rules] [--tables-dir=decision-tables] [--scenarios-dir=scenarios]");
                out.println("unknown option: " + arg);
                return 2;
            }
        }

        long start = System.nanoTime();
        RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(rules, tables));
        if (!compilation.succeeded()) {
            printProblems(out, "The rules do not compile", compilation.problems());
            return 1;
        }
        Ruleset ruleset = compilation.ruleset();
        out.printf("Rules: %d rules from %d files in %s and %s (%s)%n", ruleset.ruleCount(), ruleset.files().size(), rules, tables,
                ruleset.hash());

        DecisionService decisions = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000));
        ScenarioRunner runner = new ScenarioRunner(scenarios, decisions, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator());
        ScenarioReport report = runner.run(ruleset);

        out.println();
        out.println("Rule coverage: " + (ruleset.ruleCount() - report.notFired().size()) + " of " + ruleset.ruleCount()
                + " rules fired by at least one scenario. Not fired:");
        report.coverageLines().forEach(line -> out.println("  - " + line));
        out.println();
        if (!report.allPassed()) {
            printProblems(out, "Scenarios: " + report.passed() + " of " + report.scenarios() + " passed", report.problems());
            return 1;
        }
        out.printf("Scenarios: all %d passed in %s. The ruleset is valid (%d ms).%n", report.scenarios(), scenarios,
                (System.nanoTime() - start) / 1_000_000);
        return 0;
    }

    private static void printProblems(PrintStream out, String title, List<RuleProblem> problems) {
        out.println(title + ": " + problems.size() + " problem(s)");
        problems.forEach(problem -> out.println("  - " + problem));
    }
}
