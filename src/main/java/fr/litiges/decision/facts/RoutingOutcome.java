package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.Priority;

/**
 * One routing answer from a rule: the owning department, a department also involved, the
 * priority, or a next action. One small fact per answer keeps each table column a single,
 * self-contained action. Department and priority codes are the contract's; action codes are open.
 */
public final class RoutingOutcome implements DecisionAnswer {
    public enum Kind { DEPARTMENT, ALSO_INVOLVED, PRIORITY, ACTION }

    private final Kind kind;
    private final String code;

    private RoutingOutcome(Kind kind, String code) {
        this.kind = kind;
        this.code = code;
    }

    public static RoutingOutcome department(String code) {
        return new RoutingOutcome(Kind.DEPARTMENT, CauseFinding.parse(Department.class, code, "department").name());
    }

    public static RoutingOutcome alsoInvolved(String code) {
        return new RoutingOutcome(Kind.ALSO_INVOLVED, CauseFinding.parse(Department.class, code, "department").name());
    }

    public static RoutingOutcome priority(String code) {
        return new RoutingOutcome(Kind.PRIORITY, CauseFinding.parse(Priority.class, code, "priority").name());
    }

    public static RoutingOutcome action(String code) {
        if (code == null || !code.trim().matches("[A-Z][A-Z0-9_]{1,63}")) {
            throw new IllegalArgumentException("action code '" + code + "' must be upper-case letters, digits and _");
        }
        return new RoutingOutcome(Kind.ACTION, code.trim());
    }

    public Kind getKind() { return kind; }
    public String getCode() { return code; }
}
