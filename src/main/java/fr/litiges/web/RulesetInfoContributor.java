package fr.litiges.web;

import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the active ruleset to /actuator/info, so operators see which rules are live. */
@Component
class RulesetInfoContributor implements InfoContributor {
    private final ActiveRuleset rulesets;

    RulesetInfoContributor(ActiveRuleset rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Ruleset ruleset = rulesets.current();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", ruleset.version());
        details.put("hash", ruleset.hash());
        details.put("ruleCount", ruleset.ruleCount());
        details.put("loadedAt", ruleset.loadedAt() == null ? null : ruleset.loadedAt().toString());
        builder.withDetail("ruleset", details);
    }
}
