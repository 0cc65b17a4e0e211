package fr.litiges.ruleset;

import java.util.Arrays;

/**
 * One analyst file as read from disk: its path relative to the rules' parent folder
 * (e.g. {@code decision-tables/routing.xlsx}), its kind and its bytes.
 */
record RuleFile(String source, Kind kind, byte[] content) {

    enum Kind { DRL, DECISION_TABLE }

    RuleFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    byte[] bytes() {
        return content;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleFile other && source.equals(other.source) && kind == other.kind
                && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return source + " (" + kind + ", " + content.length + " bytes)";
    }
}
