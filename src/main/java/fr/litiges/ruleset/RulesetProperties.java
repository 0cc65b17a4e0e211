package fr.litiges.ruleset;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the analysts' files live, relative to the working directory unless absolute, and how
 * changes are picked up.
 *
 * @param rulesDir  the DRL rule files
 * @param tablesDir the XLSX decision tables
 * @param watch     reload by itself when a file changes
 * @param debounce  quiet time after the last change before reloading, so half-saved files are not read
 */
@ConfigurationProperties("litiges.ruleset")
public record RulesetProperties(@DefaultValue("rules") Path rulesDir, @DefaultValue("decision-tables") Path tablesDir,
                                @DefaultValue("true") boolean watch, @DefaultValue("2s") java.time.Duration debounce) {

    public RuleFolders folders() {
        return new RuleFolders(rulesDir, tablesDir);
    }
}
