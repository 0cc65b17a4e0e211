package fr.litiges.ruleset;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the analysts' files live, relative to the working directory unless absolute.
 *
 * @param rulesDir  the DRL rule files
 * @param tablesDir the XLSX decision tables
 */
@ConfigurationProperties("litiges.ruleset")
public record RulesetProperties(@DefaultValue("rules") Path rulesDir, @DefaultValue("decision-tables") Path tablesDir) {

    public RuleFolders folders() {
        return new RuleFolders(rulesDir, tablesDir);
    }
}
