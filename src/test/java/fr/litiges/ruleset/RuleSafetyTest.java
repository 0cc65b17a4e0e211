package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.testing.AnalystWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules cannot reach what could harm the service; the refusal names the file and line, or sheet and row. */
class RuleSafetyTest {
    @TempDir
    Path workdir;

    private RulesetCompilation compileWith(String consequence) throws IOException {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Files.writeString(workspace.rules().resolve("evil.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Evil"
                when
                    $d : Dispute( )
                then
                    %s
                end
                """.formatted(consequence));
        return new RulesetCompiler().compile(workspace.folders());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(0);",
            "Runtime.getRuntime().exec(\"rm -rf /\");",
            "new ProcessBuilder(\"sh\").start();",
            "Class.forName(\"java.lang.Runtime\");",
            "$d.getClass().getMethod(\"x\");",
            "java.nio.file.Files.delete(null);",
            "new java.io.File(\"/etc/passwd\");",
            "new java.net.Socket(\"example.org\", 80);",
            "new Thread(() -> {}).start();",
            "while (true) { }",
            "for (int i = 0; ; i++) { }",
    })
    void dangerousCodeInADrlFileIsRefusedAtItsLine(String consequence) throws IOException {
        RulesetCompilation compilation = compileWith(consequence);

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("rules/evil.drl");
            assertThat(problem.line()).isEqualTo(8);
            assertThat(problem.message()).contains("est interdit dans les règles", "retirez-le de la règle");
            assertThat(problem.english()).contains("is not allowed in rules");
            assertThat(problem.toString()).startsWith("rules/evil.drl, ligne 8 : « ");
        });
    }

    @Test
    void wordsInsideStringsAndCommentsAreNotCode() throws IOException {
        RulesetCompilation compilation = compileWith("""
                // a comment about System.exit and files
                insert(new CauseFinding("NEEDS_REVIEW", "LOW", "Runtime, Thread, File and while ( are only words here"));""");

        assertThat(compilation.problems()).isEmpty();
    }

    @Test
    void codeSlippedIntoATableCellIsRefusedAtItsRow() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        workspace.editTable("causes.xlsx", workbook -> {
            var row = AnalystWorkspace.rowStartingWith(workbook.getSheet("Préséance"), "DEFECTIVE_PRODUCT");
            row.getCell(1).setCellValue("3); System.exit(0");
        });

        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());

        int row = AnalystWorkspace.rowNumberOf(workspace.tables().resolve("causes.xlsx"), "Préséance", "DEFECTIVE_PRODUCT");
        assertThat(compilation.problems()).anySatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("decision-tables/causes.xlsx");
            assertThat(problem.sheet()).isEqualTo("Préséance");
            assertThat(problem.row()).isEqualTo(row);
            assertThat(problem.message()).contains("System.exit");
        });
    }

    @Test
    void literalsAndCommentsAreBlankedKeepingLines() {
        String text = "a \"System.exit\" b // Runtime\n/* Thread\n */ c 'x'";
        assertThat(RuleSafety.withoutLiteralsAndComments(text)).isEqualTo("a \"\" b \n\n c ''");
    }
}
