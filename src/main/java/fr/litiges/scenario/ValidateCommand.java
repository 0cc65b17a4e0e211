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
import fr.litiges.ruleset.RulesetSource;
import fr.litiges.versions.GitRulesetStore;
import java.io.IOException;
import jakarta.validation.Validation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar app.jar validate}: compiles the rules and tables of the working directory
 * (or, with {@code --version <id>}, a version stored in the rules repository) and runs the
 * scenarios, without starting the web server, and speaks French, the analysts' language. Exit
 * code 0 when all is well, 1 with every problem listed otherwise, 2 for a usage error. Prints the
 * rows and rules no scenario fired. {@code --accept} writes the results that changed into copies
 * of the scenario books, for review, instead of failing on them.
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
        Path repository = Path.of("var/rulesets.git");
        String version = null;
        boolean accept = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--version") && i + 1 < args.length) {
                version = args[++i];
            } else if (arg.startsWith("--version=")) {
                version = arg.substring("--version=".length());
            } else if (arg.startsWith("--repository=")) {
                repository = Path.of(arg.substring("--repository=".length()));
            } else if (arg.startsWith("--rules-dir=")) {
                rules = Path.of(arg.substring("--rules-dir=".length()));
            } else if (arg.startsWith("--tables-dir=")) {
                tables = Path.of(arg.substring("--tables-dir=".length()));
            } else if (arg.startsWith("--scenarios-dir=")) {
                scenarios = Path.of(arg.substring("--scenarios-dir=".length()));
            } else if (arg.equals("--accept")) {
                accept = true;
            } else {
                out.println("usage : validate [--accept] [--rules-dir=rules] [--tables-dir=decision-tables] [--scenarios-dir=scenarios]");
                out.println("        validate --version <id> [--repository=var/rulesets.git]");
                out.println("option inconnue : " + arg);
                return 2;
            }
        }

        long start = System.nanoTime();
        RulesetSource stored = null;
        if (version != null) {
            try (GitRulesetStore store = GitRulesetStore.openExisting(repository)) {
                stored = store.read(version).orElse(null);
            } catch (IOException | RuntimeException e) {
                out.println("Impossible de lire le dépôt des règles " + repository + " : " + RuleProblem.rootMessage(e));
                return 2;
            }
            if (stored == null) {
                out.println("Aucune version « " + version + " » dans " + repository + " (GET /api/v1/rulesets les liste)");
                return 2;
            }
        }
        RulesetCompilation compilation = stored != null ? new RulesetCompiler().compile(stored)
                : new RulesetCompiler().compile(new RuleFolders(rules, tables));
        compilation.warnings().forEach(warning -> out.println("Attention : " + warning));
        if (!compilation.succeeded()) {
            printProblems(out, "Les règles ne se chargent pas", compilation.problems());
            out.println();
            out.println("Couverture : non calculée, aucun scénario ne peut être joué tant que les règles ne se chargent pas.");
            return 1;
        }
        Ruleset ruleset = compilation.ruleset();
        String where = stored != null ? "la version " + version : rules + " et " + tables;
        out.printf("Règles : %d règles de %d fichiers dans %s (%s)%n", ruleset.ruleCount(), ruleset.files().size(), where,
                ruleset.hash());

        DecisionService decisions = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000));
        ScenarioRunner runner = new ScenarioRunner(scenarios, decisions, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator());
        if (accept && stored == null) {
            return accept(out, runner, ruleset, scenarios);
        }
        ScenarioReport report = stored != null ? runner.run(ruleset, stored.scenarioBooks()) : runner.run(ruleset);

        out.println();
        printCoverage(out, ruleset, report);
        out.println();
        if (!report.allPassed()) {
            printProblems(out, "Scénarios : " + report.passed() + " sur " + report.scenarios() + " passent", report.problems());
            return 1;
        }
        out.printf("Scénarios : les %d passent (%s). Les règles sont valides (%d ms).%n", report.scenarios(),
                stored != null ? "version " + version : scenarios,
                (System.nanoTime() - start) / 1_000_000);
        return 0;
    }

    /** Rows no scenario exercises go live untested: say so, table by table, every time. */
    private static void printCoverage(PrintStream out, Ruleset ruleset, ScenarioReport report) {
        out.println("Couverture : " + (ruleset.ruleCount() - report.notFired().size()) + " règles sur " + ruleset.ruleCount()
                + " déclenchées par au moins un scénario. " + (report.notFired().isEmpty()
                ? "Aucune ligne ni règle sans scénario." : "Lignes et règles qu'aucun scénario ne couvre :"));
        report.coverageLines().forEach(line -> out.println("  - " + line));
    }

    /**
     * Writes, in copies of the books under scenarios-acceptes/ beside the scenarios folder, the
     * expected values the rules now give, and lists every change for review. The analyst reviews
     * the list, then replaces the book by its copy.
     */
    private static int accept(PrintStream out, ScenarioRunner runner, Ruleset ruleset, Path scenarios) {
        Acceptance acceptance = runner.accept(ruleset);
        Path parent = scenarios.toAbsolutePath().normalize().getParent();
        Path folder = parent.resolve(Acceptance.FOLDER);
        if (acceptance.changes().isEmpty()) {
            out.println("Aucun résultat attendu ne change : rien à écrire.");
        } else {
            out.println("Résultats attendus modifiés (" + acceptance.changes().size() + "), à relire :");
            acceptance.changes().forEach(change -> out.println("  - " + change));
            try {
                for (var book : acceptance.books().entrySet()) {
                    String relative = book.getKey().contains("/") ? book.getKey().substring(book.getKey().indexOf('/') + 1) : book.getKey();
                    Path copy = folder.resolve(relative);
                    java.nio.file.Files.createDirectories(copy.getParent());
                    java.nio.file.Files.write(copy, book.getValue());
                    out.println("Copie écrite : " + copy + " (l'original " + book.getKey() + " n'est pas modifié ; "
                            + "remplacez-le par cette copie après relecture)");
                }
            } catch (java.io.IOException e) {
                out.println("Impossible d'écrire les copies dans " + folder + " : " + e.getMessage());
                return 1;
            }
        }
        if (!acceptance.remaining().isEmpty()) {
            printProblems(out, "Problèmes que --accept ne règle pas", acceptance.remaining());
            return 1;
        }
        return 0;
    }

    private static void printProblems(PrintStream out, String title, List<RuleProblem> problems) {
        out.println(title + " : " + problems.size() + (problems.size() == 1 ? " problème" : " problèmes"));
        problems.forEach(problem -> out.println("  - " + problem));
    }
}
