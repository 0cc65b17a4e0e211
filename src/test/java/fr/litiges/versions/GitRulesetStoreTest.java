package fr.litiges.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.ruleset.RulesetSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions as commits of a bare repository, and the active version as a ref moved only from the value expected. */
class GitRulesetStoreTest {
    @TempDir
    Path dir;

    private static RulesetSource content(String rule) {
        return RulesetSource.of(Map.of("rules/a.drl", rule.getBytes(StandardCharsets.UTF_8),
                "decision-tables/sub/t.xlsx", new byte[] {1, 2, 3, 0, (byte) 0xff}));
    }

    @Test
    void aVersionKeepsItsFilesByteForByteWithAuthorTimeAndMessage() {
        try (GitRulesetStore store = GitRulesetStore.open(dir.resolve("rules.git").toString(), dir.resolve("mirror"), null, null)) {
            RulesetSource source = content("rule one");
            String id = store.write(source, "marie", "Délai amiable porté à 20 jours", Instant.parse("2026-12-01T10:00:00Z"), null);
            store.activate(id, null);

            assertThat(store.active()).contains(id);
            assertThat(store.read(id)).contains(source);
            assertThat(store.file(id, "decision-tables/sub/t.xlsx")).hasValueSatisfying(bytes ->
                    assertThat(bytes).containsExactly(1, 2, 3, 0, 0xff));
            assertThat(store.file(id, "rules/missing.drl")).isEmpty();
            assertThat(store.versions()).singleElement().satisfies(v -> {
                assertThat(v.version()).isEqualTo(id);
                assertThat(v.publishedBy()).isEqualTo("marie");
                assertThat(v.publishedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
                assertThat(v.message()).isEqualTo("Délai amiable porté à 20 jours");
                assertThat(v.hash()).isEqualTo(source.hash());
            });
        }
    }

    @Test
    void aRollbackMovesTheActiveVersionButKeepsListingTheNewerOnes() {
        try (GitRulesetStore store = GitRulesetStore.open(dir.resolve("rules.git").toString(), dir.resolve("mirror"), null, null)) {
            String first = store.write(content("one"), "a", "first", Instant.parse("2026-12-01T10:00:00Z"), null);
            store.activate(first, null);
            String second = store.write(content("two"), "b", "second", Instant.parse("2026-12-01T11:00:00Z"), first);
            store.activate(second, first);

            store.activate(first, second);

            assertThat(store.active()).contains(first);
            assertThat(store.versions()).extracting(GitRulesetStore.Version::version).containsExactly(second, first);
        }
    }

    @Test
    void movingTheActiveVersionFromAStaleValueIsAConflict() {
        try (GitRulesetStore store = GitRulesetStore.open(dir.resolve("rules.git").toString(), dir.resolve("mirror"), null, null)) {
            String base = store.write(content("base"), "a", "base", Instant.now(), null);
            store.activate(base, null);
            String mine = store.write(content("mine"), "a", "mine", Instant.now(), base);
            String theirs = store.write(content("theirs"), "b", "theirs", Instant.now(), base);
            store.activate(theirs, base);

            assertThatThrownBy(() -> store.activate(mine, base)).isInstanceOf(VersionConflictException.class);
            assertThat(store.active()).contains(theirs);
        }
    }

    @Test
    void ofTwoReplicasPublishingOnTheSameBaseExactlyOneWins() throws Exception {
        Path repository = dir.resolve("shared.git");
        try (GitRulesetStore one = GitRulesetStore.open(repository.toString(), dir.resolve("m1"), null, null);
             GitRulesetStore two = GitRulesetStore.open(repository.toString(), dir.resolve("m2"), null, null)) {
            String base = one.write(content("base"), "a", "base", Instant.now(), null);
            one.activate(base, null);
            for (int round = 0; round < 10; round++) {
                String expected = one.active().orElseThrow();
                String a = one.write(content("a" + round), "a", "a", Instant.now(), expected);
                String b = two.write(content("b" + round), "b", "b", Instant.now(), expected);
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<Boolean>> results = new ArrayList<>();
                for (Object[] attempt : List.of(new Object[] {one, a}, new Object[] {two, b})) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            ((GitRulesetStore) attempt[0]).activate((String) attempt[1], expected);
                            return true;
                        } catch (VersionConflictException e) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> result : results) {
                    won += result.get() ? 1 : 0;
                }
                pool.shutdown();
                assertThat(won).as("round " + round).isEqualTo(1);
                assertThat(one.active().orElseThrow()).isIn(a, b);
            }
        }
    }

    @Test
    void anythingButAListedVersionIdIsUnknown() {
        try (GitRulesetStore store = GitRulesetStore.open(dir.resolve("rules.git").toString(), dir.resolve("mirror"), null, null)) {
            String id = store.write(content("x"), "a", "x", Instant.now(), null);
            assertThat(store.read(id)).as("written but never active").isEmpty();
            assertThat(store.read("HEAD")).isEmpty();
            assertThat(store.read("../../etc")).isEmpty();
            assertThat(store.version(id.substring(0, 12))).isEmpty();
        }
    }

    @Test
    void aUrlIsToldFromAPath() {
        assertThat(GitRulesetStore.isUrl("https://git.example.com/rules.git")).isTrue();
        assertThat(GitRulesetStore.isUrl("git@git.example.com:litiges/rules.git")).isTrue();
        assertThat(GitRulesetStore.isUrl("var/rulesets.git")).isFalse();
        assertThat(GitRulesetStore.isUrl("/srv/rules.git")).isFalse();
    }
}
