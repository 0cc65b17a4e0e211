package fr.litiges.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules are code that analysts write, so a rule file or a table cell must not reach what a rule
 * never needs: processes, System.exit, reflection and class loading, files and the network,
 * threads, native access, and loops (a rule lets the engine iterate over facts; a loop in a
 * consequence could spin forever where no time budget can stop it). The check reads the rule
 * text with string literals and comments blanked out, so cue words such as "file" or "process"
 * in a table never trip it; it is a deny-list, the first line of defence of docs/security.md.
 */
final class RuleSafety {
    private record Forbidden(Pattern pattern, String what, String quoi) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbid("\\bSystem\\s*\\.\\s*(exit|halt|getenv|getProperty|getProperties|setProperty|load|loadLibrary|setOut|setErr|setIn|console)\\b",
                    "System.exit and the other System calls", "System.exit et les autres appels à System"),
            forbid("\\b(Runtime|ProcessBuilder|ProcessHandle|Process)\\b", "starting processes", "le lancement de programmes"),
            forbid("\\bClass\\s*\\.\\s*forName\\b|\\bgetClass\\s*\\(|\\bClassLoader\\b|\\.class\\b|\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b"
                    + "|\\bgetDeclared\\w*\\s*\\(|\\bget(Method|Field|Constructor)s?\\s*\\(|\\bsetAccessible\\b|\\bMethodHandles?\\b|\\bnewInstance\\b",
                    "reflection and class loading", "l'introspection et le chargement de classes"),
            forbid("\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\b(File|Files|Path|Paths|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile"
                    + "|Socket|ServerSocket|URL|URI|HttpClient|HttpURLConnection|DatagramSocket)\\b", "file and network access", "l'accès aux fichiers et au réseau"),
            forbid("\\b(Thread|ThreadLocal|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer|VirtualThread)\\b|\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b",
                    "threads", "les tâches parallèles"),
            forbid("\\b(ScriptEngine\\w*|Unsafe|JNI)\\b|\\bjavax\\s*\\.\\s*script\\b|\\bsun\\s*\\.|\\bjdk\\s*\\.\\s*internal\\b|\\bcom\\s*\\.\\s*sun\\b",
                    "scripting and JVM internals", "les scripts et les rouages internes de Java"),
            forbid("\\bwhile\\s*\\(|\\bfor\\s*\\(|\\bdo\\s*\\{", "loops (let the engine iterate over facts)",
                    "les boucles (le moteur parcourt lui-même les faits : écrivez une condition par fait)"));

    private static Forbidden forbid(String regex, String what, String quoi) {
        return new Forbidden(Pattern.compile(regex), what, quoi);
    }

    private RuleSafety() {
    }

    /**
     * Every forbidden use in the DRL text, each located by the given function from the 1-based
     * line (a DRL line, or the table row that generated it).
     */
    static List<RuleProblem> check(String drl, IntFunction<RuleProblem> locate) {
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = withoutLiteralsAndComments(drl).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Forbidden forbidden : FORBIDDEN) {
                Matcher m = forbidden.pattern().matcher(lines[i]);
                if (m.find()) {
                    RuleProblem where = locate.apply(i + 1);
                    String used = m.group().trim();
                    problems.add(new RuleProblem(where.source(), where.sheet(), where.row(), where.cell(), where.line(),
                            "« " + used + " » est interdit dans les règles, pour protéger le service (" + forbidden.quoi()
                                    + ") ; retirez-le de la règle",
                            "'" + used + "' is not allowed in rules: " + forbidden.what() + " could harm the service"));
                }
            }
        }
        return problems;
    }

    /** Blanks string and character literals and comments, keeping line breaks so line numbers stay right. */
    static String withoutLiteralsAndComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                char quote = c;
                out.append(quote);
                i++;
                while (i < n && text.charAt(i) != quote && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    i++;
                }
                out.append(quote);
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        out.append('\n');
                    }
                    i++;
                }
                i += 2;
            } else if (c == '#' && (i == 0 || text.charAt(i - 1) == '\n')) {
                // DRL also accepts # line comments
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
