package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ruleset as files: only the three folders' analyst files, named the same wherever they come from. */
class RulesetSourceTest {
    @TempDir
    Path dir;

    @Test
    void onlyAnalystFilesUnderTheThreeFoldersAreAccepted() {
        assertThat(RulesetSource.checkPath("decision-tables/resolution.xlsx")).isNull();
        assertThat(RulesetSource.checkPath("rules/extra.drl")).isNull();
        assertThat(RulesetSource.checkPath("scenarios/métier/cas limites.xlsx")).isNull();
        for (String bad : List.of("../rules/x.drl", "rules/../../etc/passwd.drl", "rules/./x.drl", "/rules/x.drl", "rules//x.drl",
                "rules\\x.drl", "rules/x.xlsx", "decision-tables/x.drl", "scenarios/x.txt", "src/main/x.drl", "pom.xml",
                "rules/.hidden.drl", "decision-tables/~$lock.xlsx", "Rules/x.drl", "rules/x;rm.drl", "", "rules/x\u0000.drl")) {
            assertThat(RulesetSource.checkPath(bad)).as(bad).isNotNull();
        }
    }

    @Test
    void theSameContentHasTheSameHashWhateverItsOrigin() throws Exception {
        Files.createDirectories(dir.resolve("regles"));
        Files.createDirectories(dir.resolve("tables"));
        Files.createDirectories(dir.resolve("cas"));
        Files.writeString(dir.resolve("regles/a.drl"), "rule");
        Files.write(dir.resolve("tables/t.xlsx"), new byte[] {1, 2});
        Files.write(dir.resolve("cas/s.xlsx"), new byte[] {3});
        Files.writeString(dir.resolve("tables/~$t.xlsx"), "lock");

        RulesetSource folders = RulesetSource.fromFolders(dir.resolve("regles"), dir.resolve("tables"), dir.resolve("cas"));
        RulesetSource given = RulesetSource.of(Map.of("scenarios/s.xlsx", new byte[] {3}, "rules/a.drl", "rule".getBytes(),
                "decision-tables/t.xlsx", new byte[] {1, 2}));

        assertThat(folders.paths()).containsExactly("decision-tables/t.xlsx", "rules/a.drl", "scenarios/s.xlsx");
        assertThat(folders.hash()).isEqualTo(given.hash());
        assertThat(given.with(Map.of("rules/a.drl", "other".getBytes()), List.of()).hash()).isNotEqualTo(given.hash());
        assertThat(given.with(Map.of(), List.of("scenarios/s.xlsx")).changedSince(given)).containsExactly("scenarios/s.xlsx");
    }

    @Test
    void writingToTheFoldersMakesThemHoldExactlyTheContent() throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("old.drl"), "old");
        Files.writeString(rules.resolve("notes.txt"), "not an analyst file of the ruleset");
        RulesetSource source = RulesetSource.of(Map.of("rules/new.drl", "new".getBytes(), "decision-tables/sub/t.xlsx", new byte[] {7}));

        source.writeTo(rules, dir.resolve("decision-tables"), dir.resolve("scenarios"));

        assertThat(RulesetSource.fromFolders(rules, dir.resolve("decision-tables"), dir.resolve("scenarios"))).isEqualTo(source);
        assertThat(rules.resolve("notes.txt")).exists();
    }
}
