package fr.litiges.impact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.antlr4.DRL10Lexer;

/**
 * The rules added, removed or modified between two versions of a DRL file, by name. Drools' own
 * parser finds each rule and where it stands; its lexer reads the rule's text, so that a change of
 * layout or of a comment does not count as a modification, while any change of a condition, an
 * attribute or the consequence does.
 */
final class DrlDiff {
    private DrlDiff() {
    }

    /** A rule as found in one version: its first line and its text as tokens, without layout or comments. */
    record ParsedRule(String name, int line, String tokens) {
    }

    /** The rule changes; null when either version does not parse (the file is then listed without detail). */
    static List<Change.RuleChange> rules(byte[] before, byte[] after) {
        Map<String, ParsedRule> old = before == null ? Map.of() : parse(before);
        Map<String, ParsedRule> now = after == null ? Map.of() : parse(after);
        if (old == null || now == null) {
            return null;
        }
        List<Change.RuleChange> changes = new ArrayList<>();
        now.forEach((name, rule) -> {
            ParsedRule previous = old.get(name);
            if (previous == null) {
                changes.add(new Change.RuleChange(name, Change.Kind.ADDED, rule.line()));
            } else if (!previous.tokens().equals(rule.tokens())) {
                changes.add(new Change.RuleChange(name, Change.Kind.MODIFIED, rule.line()));
            }
        });
        old.forEach((name, rule) -> {
            if (!now.containsKey(name)) {
                changes.add(new Change.RuleChange(name, Change.Kind.REMOVED, rule.line()));
            }
        });
        return changes;
    }

    /** The rules of a DRL text by name, in file order; null when the parser reports errors. */
    static Map<String, ParsedRule> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (Exception | LinkageError e) {
            return null;
        }
        if (pkg == null || parser.hasErrors()) {
            return null;
        }
        Map<String, ParsedRule> rules = new LinkedHashMap<>();
        for (RuleDescr rule : pkg.getRules()) {
            int start = rule.getStartCharacter();
            int end = rule.getEndCharacter();
            String span = start >= 0 && end > start ? text.substring(start, Math.min(end, text.length())) : String.valueOf(rule);
            rules.put(rule.getName(), new ParsedRule(rule.getName(), rule.getLine(), tokens(span)));
        }
        return rules;
    }

    /** The rule's tokens on the default channel, comments left out, joined by single spaces. */
    private static String tokens(String span) {
        DRL10Lexer lexer = new DRL10Lexer(CharStreams.fromString(span));
        lexer.removeErrorListeners();
        StringBuilder joined = new StringBuilder();
        for (Token token : lexer.getAllTokens()) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL || isComment(token.getType())) {
                continue;
            }
            joined.append(token.getText()).append(' ');
        }
        return joined.toString();
    }

    private static boolean isComment(int type) {
        String name = DRL10Lexer.VOCABULARY.getSymbolicName(type);
        return name != null && name.contains("COMMENT");
    }
}
