package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import fr.litiges.testing.AnalystWorkspace;

/** Loading analysts' files: what compiles, and how each kind of mistake is reported in their terms. */
class RulesetCompilerTest {
    @TempDir
    Path workdir;
    private Path rules;
    private Path tables;
    private final RulesetCompiler compiler = new RulesetCompiler();

    @BeforeEach
    void copyShippedRules() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        rules = workspace.rules();
        tables = workspace.tables();
    }

    private RulesetCompilation compile() {
        return compiler.compile(new RuleFolders(rules, tables));
    }

    @Test
    void compilesTheShippedRulesIntoOneRulesetWithHashAndSources() {
        RulesetCompilation compilation = compile();

        assertThat(compilation.problems()).isEmpty();
        Ruleset ruleset = compilation.ruleset();
        assertThat(ruleset.hash()).matches("sha256:[0-9a-f]{64}");
        assertThat(ruleset.version()).endsWith(ruleset.hash().substring(7, 19));
        assertThat(ruleset.files()).extracting(Ruleset.FileSummary::path)
                .contains("rules/causes-from-data.drl", "decision-tables/routing.xlsx", "decision-tables/causes.xlsx");
        assertThat(ruleset.files()).allSatisfy(file -> assertThat(file.ruleCount()).isPositive());
        assertThat(ruleset.sourceMap().all()).anySatisfy(origin -> {
            assertThat(origin.source()).isEqualTo("decision-tables/routing.xlsx");
            assertThat(origin.sheet()).isEqualTo("Services");
            assertThat(origin.row()).isPositive();
        });
    }

    @Test
    void sameFilesGiveTheSameHashAndAnyByteChangesIt() throws IOException {
        String before = compile().ruleset().hash();
        assertThat(compile().ruleset().hash()).isEqualTo(before);

        Files.writeString(rules.resolve("causes-from-data.drl"), "\n// a comment\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(compile().ruleset().hash()).isNotEqualTo(before);
    }

    @Test
    void aDrlSyntaxErrorNamesTheFileAndLine() throws IOException {
        Files.writeString(rules.resolve("broken.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Broken"
                when
                    Invoice( amount > )
                then
                end
                """);

        RulesetCompilation compilation = compile();

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("rules/broken.drl");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.sheet()).isNull();
        });
        assertThat(compilation.problems()).as("no echo of the same error").hasSize(1);
        assertThat(compilation.problems().get(0).toString()).startsWith("rules/broken.drl, ligne 6 : ").contains("(column ");
    }

    @Test
    void aJavaErrorInARuleConsequenceNamesTheDrlFile() throws IOException {
        Files.writeString(rules.resolve("typo.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Typo in consequence"
                when
                    $i : Invoice( )
                then
                    $i.noSuchMethod();
                end
                """);

        RulesetCompilation compilation = compile();

        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("rules/typo.drl");
            assertThat(problem.message()).contains("noSuchMethod");
        });
    }

    @Test
    void aBadValueInATableNamesTheSheetAndRow() throws IOException {
        AnalystWorkspace.editWorkbook(tables.resolve("resolution.xlsx"), workbook -> {
            Sheet sheet = workbook.getSheet("Canaux");
            Row row = AnalystWorkspace.rowStartingWith(sheet, "BUSINESS_MEDIATION");
            row.getCell(1).setCellValue("soixante");
        });

        RulesetCompilation compilation = compile();

        assertThat(compilation.succeeded()).isFalse();
        int expectedRow = AnalystWorkspace.rowNumberOf(tables.resolve("resolution.xlsx"), "Canaux", "BUSINESS_MEDIATION");
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/resolution.xlsx");
            assertThat(problem.sheet()).isEqualTo("Canaux");
            assertThat(problem.row()).isEqualTo(expectedRow);
            assertThat(problem.message()).contains("soixante");
        });
    }

    @Test
    void aTextPatternNamingAnUnknownConceptIsRefusedAtItsRow() {
        int[] row = new int[1];
        AnalystWorkspace.editWorkbook(tables.resolve("causes.xlsx"), workbook -> {
            AnalystWorkspace.appendRow(workbook.getSheet("Motifs de texte"), "INCOMPLETE_DELIVERY", "LIVRAISONS", "MANQUE", null, 5, "non", 1);
            row[0] = workbook.getSheet("Motifs de texte").getLastRowNum() + 1;
        });

        RulesetCompilation compilation = compile();

        assertThat(compilation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/causes.xlsx");
            assertThat(problem.sheet()).isEqualTo("Motifs de texte");
            assertThat(problem.row()).isEqualTo(row[0]);
            assertThat(problem.message()).contains("LIVRAISONS", "Concepts");
        });
    }

    @Test
    void aBrokenTableStructureNamesTheCell() throws IOException {
        AnalystWorkspace.editWorkbook(tables.resolve("routing.xlsx"), workbook -> {
            Sheet sheet = workbook.getSheet("Services");
            Row keywords = AnalystWorkspace.rowStartingWith(sheet, "CONDITION");
            keywords.getCell(0).setCellValue("CONDITON");
        });

        RulesetCompilation compilation = compile();

        assertThat(compilation.succeeded()).isFalse();
        int keywordRow = AnalystWorkspace.rowNumberOf(tables.resolve("routing.xlsx"), "Services", "CONDITON");
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/routing.xlsx");
            assertThat(problem.sheet()).isEqualTo("Services");
            assertThat(problem.row()).isEqualTo(keywordRow);
            assertThat(problem.cell()).isEqualTo("A" + keywordRow);
            assertThat(problem.message()).contains("CONDITON");
        });
    }

    @Test
    void aTableWithNoDataRowsIsAnError() throws IOException {
        AnalystWorkspace.editWorkbook(tables.resolve("routing.xlsx"), workbook -> {
            Sheet sheet = workbook.getSheet("Priorité");
            int header = AnalystWorkspace.rowStartingWith(sheet, "Montant à risque au moins").getRowNum();
            for (int i = sheet.getLastRowNum(); i > header; i--) {
                Row row = sheet.getRow(i);
                if (row != null) {
                    sheet.removeRow(row);
                }
            }
        });

        RulesetCompilation compilation = compile();

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/routing.xlsx");
            assertThat(problem.sheet()).isEqualTo("Priorité");
            assertThat(problem.english()).contains("yields no rule");
        });
    }

    @Test
    void aWorkbookWithoutAnyRuleTableIsAnError() throws IOException {
        try (Workbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             OutputStream out = Files.newOutputStream(tables.resolve("notes.xlsx"))) {
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("just notes");
            workbook.write(out);
        }

        RulesetCompilation compilation = compile();

        assertThat(compilation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/notes.xlsx");
            assertThat(problem.english()).contains("no 'RuleTable'");
        });
    }

    @Test
    void aFileThatIsNotAWorkbookIsAnError() throws IOException {
        Files.writeString(tables.resolve("corrupt.xlsx"), "this is not a spreadsheet");

        RulesetCompilation compilation = compile();

        assertThat(compilation.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/corrupt.xlsx");
            assertThat(problem.english()).contains("not a readable .xlsx workbook");
        });
    }

    @Test
    void editorLockTemporaryAndHiddenFilesAreIgnored() throws IOException {
        String before = compile().ruleset().hash();
        Files.writeString(tables.resolve("~$routing.xlsx"), "Excel lock file");
        Files.writeString(tables.resolve(".~lock.routing.xlsx#"), "LibreOffice lock file");
        Files.writeString(rules.resolve(".#causes-from-data.drl"), "emacs lock");
        Files.writeString(rules.resolve("causes-from-data.drl~"), "backup");
        Files.writeString(rules.resolve(".hidden.drl"), "not a rule");
        Files.writeString(rules.resolve("README.txt"), "not a rule either");

        RulesetCompilation compilation = compile();

        assertThat(compilation.problems()).isEmpty();
        assertThat(compilation.ruleset().hash()).isEqualTo(before);
    }

    @Test
    void aTableNamedLikeAnyWorkbookIsCompiledNotSkipped() throws IOException {
        int rules = compile().ruleset().files().stream().filter(file -> file.path().equals("decision-tables/routing.xlsx"))
                .mapToInt(Ruleset.FileSummary::ruleCount).sum();
        assertThat(rules).isPositive();
        Files.move(tables.resolve("routing.xlsx"), tables.resolve("Routage des litiges.xlsx"));

        RulesetCompilation compilation = compile();

        assertThat(compilation.problems()).isEmpty();
        assertThat(compilation.ruleset().files()).anySatisfy(file -> {
            assertThat(file.path()).isEqualTo("decision-tables/Routage des litiges.xlsx");
            assertThat(file.ruleCount()).as("as many rules as under its old name").isEqualTo(rules);
        });
    }

    @Test
    void noRuleFileAtAllIsAnError() {
        RulesetCompilation compilation = compiler.compile(new RuleFolders(workdir.resolve("none"), workdir.resolve("nothing")));

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("aucun fichier de règles : le dossier rules/ attend des fichiers .drl");
            assertThat(p.in(java.util.Locale.ENGLISH).message()).contains("no rule file found");
        });
    }
}
