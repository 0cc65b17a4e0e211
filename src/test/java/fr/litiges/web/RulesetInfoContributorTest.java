package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.litiges.ruleset.ActiveRuleset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

class RulesetInfoContributorTest {

    @Test
    void contributesVersionHashAndRuleCount() {
        ActiveRuleset active = mock(ActiveRuleset.class);
        var ruleset = TestData.ruleset();
        when(active.current()).thenReturn(ruleset);
        Info.Builder builder = new Info.Builder();
        new RulesetInfoContributor(active).contribute(builder);
        assertThat(builder.build().getDetails().get("ruleset")).isEqualTo(Map.of(
                "version", "2026.11.1", "hash", "sha256:0123abcd", "ruleCount", 42, "loadedAt", "2026-11-28T08:00:00Z"));
    }
}
