package fr.litiges.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which file events count as an analyst's change. Deterministic, so the watcher's end-to-end
 * test (RulesetReloadTest) need not wait to show that a lock file alone triggers nothing.
 */
class RuleFolderWatcherTest {

    @ParameterizedTest
    @ValueSource(strings = {"routing.xlsx", "Routage des litiges.xlsx", "causes.DRL", "escalation.drl"})
    void rulesAndWorkbooksAreChanges(String name) {
        assertThat(RuleFolderWatcher.isAnalystFile(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"~$routing.xlsx", ".~lock.routing.xlsx#", ".#escalation.drl", "escalation.drl~", "routing.xlsx.tmp",
            ".hidden.drl", "notes.txt", "routing.xlsx.bak"})
    void editorsLeftoversAndOtherFilesAreNot(String name) {
        assertThat(RuleFolderWatcher.isAnalystFile(name)).isFalse();
    }
}
