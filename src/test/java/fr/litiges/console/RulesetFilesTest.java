package fr.litiges.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console opens the analysts' files by their ruleset path, and nothing outside their folders. */
class RulesetFilesTest {
    @TempDir
    Path root;
    private RulesetFiles files;

    @BeforeEach
    void folders() throws IOException {
        Files.createDirectories(root.resolve("rules"));
        Files.createDirectories(root.resolve("decision-tables/sub"));
        Files.createDirectories(root.resolve("scenarios"));
        Files.writeString(root.resolve("rules/a.drl"), "rule a");
        Files.writeString(root.resolve("decision-tables/sub/t.xlsx"), "x");
        Files.writeString(root.resolve("secret.drl"), "not a rule file of the ruleset");
        Files.writeString(root.resolve("rules/notes.txt"), "not a rule file");
        files = new RulesetFiles(root.resolve("rules"), root.resolve("decision-tables"), root.resolve("scenarios"));
    }

    @Test
    void readsAFileByItsPathInTheRuleset() {
        assertThat(files.read("rules/a.drl")).hasValueSatisfying(bytes -> assertThat(new String(bytes)).isEqualTo("rule a"));
        assertThat(files.read("decision-tables/sub/t.xlsx")).isPresent();
    }

    @Test
    void opensNothingOutsideTheFoldersNorAnyOtherKindOfFile() {
        assertThat(files.read("rules/../secret.drl")).isEmpty();
        assertThat(files.read("decision-tables/../../etc/passwd.drl")).isEmpty();
        assertThat(files.read("rules/notes.txt")).isEmpty();
        assertThat(files.read("/rules/a.drl")).isEmpty();
        assertThat(files.read("other/a.drl")).isEmpty();
        assertThat(files.read("rules/missing.drl")).isEmpty();
    }
}
