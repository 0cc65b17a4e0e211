package fr.litiges.ruleset;

import java.util.Collection;
import java.util.Map;

/** The one place that knows where every rule of a ruleset came from. Immutable. */
public final class SourceMap {
    private final Map<String, RuleOrigin> byQualifiedName;

    SourceMap(Map<String, RuleOrigin> byQualifiedName) {
        this.byQualifiedName = Map.copyOf(byQualifiedName);
    }

    static String key(String packageName, String ruleName) {
        return packageName + '/' + ruleName;
    }

    /** The origin of a fired rule; never null, so a trace entry always exists. */
    public RuleOrigin originOf(String packageName, String ruleName) {
        RuleOrigin origin = byQualifiedName.get(key(packageName, ruleName));
        return origin != null ? origin : new RuleOrigin(ruleName, ruleName, null, null, null, null);
    }

    public Collection<RuleOrigin> all() {
        return byQualifiedName.values();
    }

    public int size() {
        return byQualifiedName.size();
    }
}
