package fr.litiges.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

class RulesetInfoContributorTest {

    @Test
    void contributesVersionHashRuleCountAndLoadingTimeOfTheActiveRuleset() {
        Ruleset ruleset = TestData.ruleset();
        Info.Builder builder = new Info.Builder();

        new RulesetInfoContributor(new ActiveRuleset(ruleset)).contribute(builder);

        // three rules written in the sample's two files
        assertThat(builder.build().getDetails().get("ruleset")).isEqualTo(Map.of(
                "version", "2026.11.1", "hash", ruleset.hash(), "ruleCount", 3, "loadedAt", "2026-11-28T08:00:00Z"));
        assertThat(ruleset.hash()).matches("sha256:[0-9a-f]{64}");
    }
}
