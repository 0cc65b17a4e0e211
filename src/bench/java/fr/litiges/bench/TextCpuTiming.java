package fr.litiges.bench;

import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Processor time of one thread to analyse and match the benchmark's 2,000-character e-mail and
 * CRM one-liner, this build and an earlier build of the text package side by side, round after
 * round in the same JVM. For a machine shared with other builds, where JMH's wall-clock figures
 * measure the neighbours: the thread's own CPU time does not count the time it waited for a core.
 * Run by hand, not a test: {@code ./mvnw -Pbench -DskipTests test-compile} then
 * {@code java -cp target/classes:target/test-classes:<test classpath> -Dtext.before=DIR fr.litiges.bench.TextCpuTiming [rounds]}
 * (DIR: see {@link TextAnalysisBenchmark}; without it, this build only).
 */
public final class TextCpuTiming {
    private static final int CALLS = 5_000;

    private TextCpuTiming() {
    }

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> builds = System.getProperty("text.before") == null ? List.of("current") : List.of("before", "current");
        MethodHandle[] match = new MethodHandle[builds.size()];
        for (int b = 0; b < builds.size(); b++) {
            TextAnalysisBenchmark.Tables tables = new TextAnalysisBenchmark.Tables();
            tables.build = builds.get(b);
            tables.read();
            match[b] = tables.match;
            for (int i = 0; i < 20_000; i++) {
                match[b].invoke(TextAnalysisBenchmark.EMAIL);
                match[b].invoke(TextAnalysisBenchmark.ONE_LINER);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] email = new double[builds.size()][rounds];
        double[][] oneLiner = new double[builds.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int b = 0; b < builds.size(); b++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < CALLS; i++) {
                    match[b].invoke(TextAnalysisBenchmark.EMAIL);
                }
                long t1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < CALLS; i++) {
                    match[b].invoke(TextAnalysisBenchmark.ONE_LINER);
                }
                long t2 = threads.getCurrentThreadCpuTime();
                email[b][r] = (t1 - t0) / 1e3 / CALLS;
                oneLiner[b][r] = (t2 - t1) / 1e3 / CALLS;
                line.append(String.format(" %s e-mail %.1f µs, one-liner %.1f µs;", builds.get(b), email[b][r], oneLiner[b][r]));
            }
            System.out.println(line);
        }
        for (int b = 0; b < builds.size(); b++) {
            System.out.printf("median %s: e-mail %.1f µs, one-liner %.1f µs of CPU%n", builds.get(b), median(email[b]), median(oneLiner[b]));
        }
        if (builds.size() == 2) {
            System.out.printf("before / current: e-mail %.2f, one-liner %.2f%n", median(email[0]) / median(email[1]),
                    median(oneLiner[0]) / median(oneLiner[1]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
