package fr.litiges.ruleset;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** The one place that knows where every rule of a ruleset came from. Immutable. */
public final class SourceMap {
    private final Map<String, RuleOrigin> byQualifiedName;
    /** The same origins by the compiled rule itself: a decision looks one up per firing, without building a name. */
    private final Map<Rule, RuleOrigin> byRule;

    SourceMap(Map<String, RuleOrigin> byQualifiedName) {
        this(byQualifiedName, null);
    }

    /** Also indexes the compiled rules of {@code kieBase}; never changed after, so read by any thread. */
    SourceMap(Map<String, RuleOrigin> byQualifiedName, KieBase kieBase) {
        this.byQualifiedName = Map.copyOf(byQualifiedName);
        Map<Rule, RuleOrigin> rules = new IdentityHashMap<>();
        if (kieBase != null) {
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                for (Rule rule : kiePackage.getRules()) {
                    RuleOrigin origin = this.byQualifiedName.get(key(rule.getPackageName(), rule.getName()));
                    if (origin != null) {
                        rules.put(rule, origin);
                    }
                }
            }
        }
        this.byRule = rules;
    }

    static String key(String packageName, String ruleName) {
        return packageName + '/' + ruleName;
    }

    /** The origin of a fired rule; never null, so a trace entry always exists. */
    public RuleOrigin originOf(String packageName, String ruleName) {
        RuleOrigin origin = byQualifiedName.get(key(packageName, ruleName));
        return origin != null ? origin : new RuleOrigin(ruleName, ruleName, null, null, null, null);
    }

    /** The origin of a fired rule, as {@link #originOf(String, String)}. */
    public RuleOrigin originOf(Rule rule) {
        RuleOrigin origin = byRule.get(rule);
        return origin != null ? origin : originOf(rule.getPackageName(), rule.getName());
    }

    public Collection<RuleOrigin> all() {
        return byQualifiedName.values();
    }

    public int size() {
        return byQualifiedName.size();
    }
}
