package fr.litiges.ruleset;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import fr.litiges.text.SecondReader;
import fr.litiges.text.SecondReaderTables;
import fr.litiges.text.TextRules;
import fr.litiges.text.TextTables;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles analyst files into a {@link Ruleset} with the classic DRL compiler through the KIE
 * API, and reports every problem in the analyst's terms. The single way in for start-up,
 * validation and reload.
 */
public final class RulesetCompiler {
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|([^\\s\"']+))");
    private static final Pattern DRL_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE_NAME_IN_MESSAGE = Pattern.compile("Rule name='([^']+)'");
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final AtomicLong BUILDS = new AtomicLong();

    /** The queries a decision reads its answers with: engine plumbing every ruleset carries, not an analyst's file. */
    static final String ENGINE_QUERIES = "fr/litiges/decision/results.drl";
    /** The prevention plan's queries, kept apart from the decision's. */
    static final String PREVENTION_QUERIES = "fr/litiges/prevention/results.drl";

    private final DecisionTableTranslator tables = new DecisionTableTranslator();

    private static byte[] engineQueries(String resource) {
        try (var in = RulesetCompiler.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the service's own resources");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the folders and compiles them. */
    public RulesetCompilation compile(RuleFolders folders) {
        List<RuleFile> files;
        List<String> ignored;
        try {
            files = folders.read();
            ignored = folders.ignoredCopies();
        } catch (RuntimeException e) {
            return new RulesetCompilation(null, List.of(RuleProblem.inFile(null, "les dossiers de règles n'ont pas pu être lus ; vérifiez qu'ils existent et sont lisibles (détail : "
                    + e.getMessage() + ")", e.getMessage())));
        }
        RulesetCompilation compilation = compile(files, Instant.now(), RuleFolders.contentHash(files));
        List<String> warnings = ignored.stream()
                .map(name -> name + " : copie ou fichier de sauvegarde d'un éditeur, ignoré (ni lu ni compilé) ; supprimez-le ou "
                        + "déplacez-le hors du dossier pour ne plus voir ce message")
                .toList();
        return new RulesetCompilation(compilation.ruleset(), compilation.problems(), warnings);
    }

    /**
     * Compiles a ruleset given as files (a folder read, a stored version, a candidate); its hash
     * is the content's, scenarios included, so a version and the ruleset it yields share it.
     */
    public RulesetCompilation compile(RulesetSource source) {
        return compile(source.ruleFiles(), Instant.now(), source.hash());
    }

    RulesetCompilation compile(List<RuleFile> files, Instant now) {
        return compile(files, now, RuleFolders.contentHash(files));
    }

    private RulesetCompilation compile(List<RuleFile> files, Instant now, String hash) {
        List<RuleProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            return new RulesetCompilation(null, List.of(RuleProblem.inFile(null,
                    "aucun fichier de règles : le dossier rules/ attend des fichiers .drl et decision-tables/ des classeurs .xlsx",
                    "no rule file found: expected *.drl files and *.xlsx decision tables")));
        }
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("fr.litiges.rulesets", "ruleset", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);

        Map<String, RuleOrigin> origins = new LinkedHashMap<>();
        TextRules textRules = null;
        String textSource = null;
        RuleFile readerFile = null;
        Map<String, DecisionTableTranslator.Translation> translations = new HashMap<>();
        Map<String, Integer> ruleCounts = new LinkedHashMap<>();
        Map<String, String> tableFiles = new HashMap<>();
        for (RuleFile file : files) {
            if (file.kind() == RuleFile.Kind.DRL) {
                String drl = new String(file.bytes(), StandardCharsets.UTF_8);
                Map<String, RuleOrigin> found = indexDrl(file.source(), drl);
                origins.putAll(found);
                problems.addAll(RuleSafety.check(drl, line -> RuleProblem.atLine(file.source(), line, "")));
                ruleCounts.put(file.source(), found.size());
                kfs.write(RESOURCES + file.source(), file.bytes());
            } else {
                if (TextTables.present(file.bytes())) {
                    // The analysts' concepts, synonyms and text patterns: data the text analysis compiles, not rules.
                    if (textRules != null) {
                        problems.add(RuleProblem.inFile(file.source(), "les tables de texte (feuilles " + TextTables.CONCEPTS + ", "
                                + TextTables.PATTERNS + ") sont déjà dans " + textSource + " ; gardez-les dans un seul classeur",
                                "text tables (sheets " + TextTables.CONCEPTS + ", "
                                + TextTables.PATTERNS + ") are already in " + textSource + ": keep them in one workbook"));
                    } else {
                        TextRules.Reading reading = TextTables.read(file.source(), file.bytes());
                        reading.problems().forEach(p -> problems.add(p.row() == null && p.sheet() == null
                                ? RuleProblem.inFile(file.source(), p.message(), p.english())
                                : RuleProblem.atRow(file.source(), p.sheet(), p.row(), null, p.message(), p.english())));
                        textRules = reading.rules();
                        textSource = file.source();
                    }
                }
                if (SecondReaderTables.present(file.bytes())) {
                    // The second reader's examples and thresholds: learnt once the text tables (its analysis) are read.
                    if (readerFile != null) {
                        problems.add(RuleProblem.inFile(file.source(), "les feuilles du second lecteur (" + SecondReaderTables.EXAMPLES + ", "
                                + SecondReaderTables.THRESHOLDS + ") sont déjà dans " + readerFile.source() + " ; gardez-les dans un seul classeur",
                                "the second reader's sheets are already in " + readerFile.source() + ": keep them in one workbook"));
                    } else {
                        readerFile = file;
                    }
                }
                DecisionTableTranslator.Translation translation = tables.translate(file);
                problems.addAll(translation.problems());
                if (defineTablesTwice(file.source(), translation, tableFiles, problems)) {
                    continue;
                }
                ruleCounts.put(file.source(), translation.rules().size());
                if (translation.problems().isEmpty()) {
                    translations.put(file.source(), translation);
                    translation.rules().forEach((name, origin) -> origins.put(SourceMap.key(translation.packageName(), name), origin));
                    kfs.write(RESOURCES + file.source() + ".drl", translation.drl());
                    problems.addAll(RuleSafety.check(translation.drl(), line -> {
                        RuleOrigin origin = translation.ruleAtLine(line);
                        return origin == null ? RuleProblem.inFile(file.source(), "")
                                : RuleProblem.atRow(file.source(), origin.sheet(), origin.row(), null, "");
                    }));
                }
            }
        }

        SecondReader secondReader = null;
        if (readerFile != null) {
            RuleFile file = readerFile;
            SecondReaderTables.Reading reading = SecondReaderTables.read(file.source(), file.bytes(), textRules);
            reading.problems().forEach(p -> problems.add(p.row() == null && p.sheet() == null
                    ? RuleProblem.inFile(file.source(), p.message(), p.english())
                    : RuleProblem.atRow(file.source(), p.sheet(), p.row(), null, p.message(), p.english())));
            secondReader = reading.reader();
        }

        kfs.write(RESOURCES + ENGINE_QUERIES, engineQueries(ENGINE_QUERIES));
        kfs.write(RESOURCES + PREVENTION_QUERIES, engineQueries(PREVENTION_QUERIES));
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<RuleProblem> buildProblems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            buildProblems.add(locate(message, translations, origins));
        }
        problems.addAll(withoutEchoes(buildProblems));
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            return new RulesetCompilation(null, problems);
        }

        // Never changed in place (a reload builds a new rule base): an immutable rule base gives its
        // sessions a flat identity store of facts instead of one store per fact class, which every
        // decision on a reused session would otherwise rebuild for each class it inserts.
        KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        KieBase kieBase = kie.newKieContainer(releaseId).newKieBase(configuration);
        kie.getRepository().removeKieModule(releaseId);
        checkEveryRuleIsMapped(kieBase, origins, problems);
        if (!problems.isEmpty()) {
            return new RulesetCompilation(null, problems);
        }
        String version = VERSION_TIME.format(now) + "-" + hash.substring("sha256:".length(), "sha256:".length() + 12);
        List<Ruleset.FileSummary> summaries = new ArrayList<>();
        for (RuleFile file : files) {
            summaries.add(new Ruleset.FileSummary(file.source(), file.kind() == RuleFile.Kind.DRL ? "DRL" : "DECISION_TABLE",
                    ruleCounts.getOrDefault(file.source(), 0)));
        }
        return new RulesetCompilation(new Ruleset(version, hash, now, kieBase, new SourceMap(origins, kieBase), summaries,
                textRules, null, secondReader), List.of());
    }

    /**
     * A table defined in two workbooks (typically a copy left next to the original) would give
     * thousands of compiler errors about duplicate rules; say it once, naming both files.
     */
    private static boolean defineTablesTwice(String source, DecisionTableTranslator.Translation translation,
                                             Map<String, String> tableFiles, List<RuleProblem> problems) {
        boolean twice = false;
        for (String table : translation.tableNames()) {
            String other = tableFiles.putIfAbsent(table, source);
            if (other != null && !other.equals(source)) {
                problems.add(RuleProblem.inFile(source,
                        "la table « " + table + " » est définie dans deux classeurs : " + other + " et " + source
                                + " ; gardez-en un seul (une copie de sauvegarde se range hors du dossier decision-tables)",
                        "two workbooks define the table '" + table + "': " + other + " and " + source + "; keep only one"));
                twice = true;
            }
        }
        return twice;
    }

    /** Rule names and lines of a DRL file, read from its text so the trace can cite the line. */
    private static Map<String, RuleOrigin> indexDrl(String source, String drl) {
        Map<String, RuleOrigin> found = new LinkedHashMap<>();
        String packageName = "defaultpkg";
        String[] lines = drl.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher pkg = DRL_PACKAGE.matcher(lines[i]);
            if (pkg.find()) {
                packageName = pkg.group(1);
                continue;
            }
            Matcher rule = DRL_RULE.matcher(lines[i]);
            if (rule.find()) {
                String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                found.put(SourceMap.key(packageName, name), new RuleOrigin(name, name, source, null, null, i + 1));
            }
        }
        return found;
    }

    private static RuleProblem locate(Message message, Map<String, DecisionTableTranslator.Translation> translations,
                                      Map<String, RuleOrigin> origins) {
        String text = message.getText() == null ? "" : message.getText().strip();
        String path = message.getPath();
        if (path != null && path.startsWith(RESOURCES)) {
            path = path.substring(RESOURCES.length());
        }
        Matcher named = RULE_NAME_IN_MESSAGE.matcher(text);
        RuleOrigin namedRule = null;
        if (named.find()) {
            String ruleName = named.group(1);
            namedRule = origins.entrySet().stream().filter(e -> e.getKey().endsWith("/" + ruleName)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (path != null && path.endsWith(".xlsx.drl")) {
            String source = path.substring(0, path.length() - ".drl".length());
            DecisionTableTranslator.Translation translation = translations.get(source);
            RuleOrigin origin = namedRule != null ? namedRule
                    : translation == null ? null : translation.ruleAtLine(message.getLine());
            String french = "cette ligne ne peut pas être compilée : vérifiez ses valeurs et les lignes techniques de la table (détail technique : "
                    + tableMessage(text) + ")";
            if (origin != null) {
                return RuleProblem.atRow(source, origin.sheet(), origin.row(), null, french, tableMessage(text));
            }
            return RuleProblem.inFile(source, french, tableMessage(text));
        }
        if (namedRule != null && (path == null || path.equals(namedRule.source()))) {
            return RuleProblem.atLine(namedRule.source(), message.getLine() > 0 ? message.getLine() : namedRule.line(), drlMessage(text));
        }
        return RuleProblem.atLine(path, message.getLine(), drlMessage(text));
    }

    /**
     * The DRL parser follows a syntax error with "Parser returned a null Package" for the same
     * file: an echo of the first error that would only send the analyst looking for a second one.
     */
    private static List<RuleProblem> withoutEchoes(List<RuleProblem> problems) {
        List<RuleProblem> kept = new ArrayList<>();
        for (RuleProblem problem : problems) {
            boolean echo = problem.message().contains("Parser returned a null Package")
                    && problems.stream().anyMatch(other -> other != problem && java.util.Objects.equals(other.source(), problem.source()));
            if (!echo) {
                kept.add(problem);
            }
        }
        return kept;
    }

    /** "[ERR 101] Line 5:20 no viable alternative" → "no viable alternative (column 20)": the line is already given. */
    static String drlMessage(String text) {
        Matcher prefix = PARSER_PREFIX.matcher(text);
        if (prefix.find()) {
            return (text.substring(0, prefix.start()) + text.substring(prefix.end())).strip() + " (column " + prefix.group(2) + ")";
        }
        return text;
    }

    private static final Pattern PARSER_PREFIX = Pattern.compile("\\[(?:ERR|WARN) \\d+] Line (\\d+):(\\d+) ");

    /** Generated-code line numbers mean nothing to an analyst: keep the compiler's words only. */
    private static String tableMessage(String text) {
        return text.replaceAll("\\[(?:ERR|WARN) \\d+] Line \\d+:\\d+ ", "").replaceAll("\\s+", " ").strip();
    }

    private static void checkEveryRuleIsMapped(KieBase kieBase, Map<String, RuleOrigin> origins, List<RuleProblem> problems) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (rule instanceof org.kie.api.definition.rule.Query) {
                    continue;
                }
                if (!origins.containsKey(SourceMap.key(kiePackage.getName(), rule.getName()))) {
                    problems.add(RuleProblem.inFile(null, "erreur interne du service (à signaler à l'équipe technique) : la règle « "
                            + rule.getName() + " » n'a pas de fichier d'origine connu", "internal: rule '" + rule.getName() + "' of package "
                            + kiePackage.getName() + " has no known source file"));
                }
            }
        }
    }
}
