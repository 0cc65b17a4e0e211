package fr.litiges.bench;

import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Processor time of one thread to analyse and match the benchmark's 2,000-character e-mail, the
 * same e-mail with a name never read before, and the CRM one-liner, this build and an earlier
 * build of the text package side by side, in short rounds that alternate which build goes first,
 * in the same JVM. For a machine shared with other builds, where JMH's wall-clock figures measure
 * the neighbours: the thread's own CPU time does not count the time it waited for a core, and the
 * ratio of two neighbouring rounds cancels most of the load's drift.
 * Run by hand, not a test: {@code ./mvnw -Pbench -DskipTests test-compile} then
 * {@code java -cp target/classes:target/test-classes:<test classpath> -Dtext.before=DIR fr.litiges.bench.TextCpuTiming [rounds [calls]]}
 * (DIR: see {@link TextAnalysisBenchmark}; without it, this build only).
 */
public final class TextCpuTiming {

    private TextCpuTiming() {
    }

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<String> builds = System.getProperty("text.before") == null ? List.of("current") : List.of("before", "current");
        int count = builds.size();
        MethodHandle[] match = new MethodHandle[count];
        TextAnalysisBenchmark.Tables[] both = new TextAnalysisBenchmark.Tables[count];
        TextAnalysisBenchmark.NewWords names = new TextAnalysisBenchmark.NewWords();
        // The texts of the decision benchmarks' mix, in turn: many grievances, so many matches.
        List<String> mixTexts = ComplaintMix.generate(1_000, 42).stream().map(c -> c.text()).toList();
        for (int b = 0; b < count; b++) {
            TextAnalysisBenchmark.Tables tables = new TextAnalysisBenchmark.Tables();
            tables.build = builds.get(b);
            tables.read();
            match[b] = tables.match;
            both[b] = tables;
            for (int i = 0; i < 30_000; i++) {
                tables.patternsAndReader(TextAnalysisBenchmark.EMAIL);
                match[b].invoke(TextAnalysisBenchmark.EMAIL);
                match[b].invoke(TextAnalysisBenchmark.ONE_LINER);
                match[b].invoke(mixTexts.get(i % mixTexts.size()));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] email = new double[count][rounds];
        double[][] newWord = new double[count][rounds];
        double[][] oneLiner = new double[count][rounds];
        double[][] mix = new double[count][rounds];
        double[][] withReader = new double[count][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < count; k++) {
                int b = r % 2 == 0 ? k : count - 1 - k;
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    match[b].invoke(TextAnalysisBenchmark.EMAIL);
                }
                long t1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    match[b].invoke(TextAnalysisBenchmark.EMAIL_BEFORE_NAME + names.next() + TextAnalysisBenchmark.EMAIL_AFTER_NAME);
                }
                long t2 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls * 5; i++) {
                    match[b].invoke(TextAnalysisBenchmark.ONE_LINER);
                }
                long t3 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    match[b].invoke(mixTexts.get((r * calls + i) % mixTexts.size()));
                }
                long t4 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    both[b].patternsAndReader(TextAnalysisBenchmark.EMAIL);
                }
                long t5 = threads.getCurrentThreadCpuTime();
                withReader[b][r] = (t5 - t4) / 1e3 / calls;
                mix[b][r] = (t4 - t3) / 1e3 / calls;
                email[b][r] = (t1 - t0) / 1e3 / calls;
                newWord[b][r] = (t2 - t1) / 1e3 / calls;
                oneLiner[b][r] = (t3 - t2) / 1e3 / (calls * 5);
            }
        }
        for (int b = 0; b < count; b++) {
            System.out.printf("%s, µs of CPU, median (quartiles): e-mail %s, e-mail with a new name %s, one-liner %s, mix text %s, e-mail patterns and reader %s%n",
                    builds.get(b), spread(email[b]), spread(newWord[b]), spread(oneLiner[b]), spread(mix[b]), spread(withReader[b]));
        }
        if (count == 2) {
            System.out.printf("before / current, round by round: e-mail %s, e-mail with a new name %s, one-liner %s, mix text %s, e-mail patterns and reader %s%n",
                    spread(ratios(email)), spread(ratios(newWord)), spread(ratios(oneLiner)), spread(ratios(mix)), spread(ratios(withReader)));
        }
    }

    private static double[] ratios(double[][] values) {
        double[] ratios = new double[values[0].length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = values[0][r] / values[1][r];
        }
        return ratios;
    }

    private static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format("%.2f (%.2f–%.2f)", sorted[n / 2], sorted[n / 4], sorted[(3 * n) / 4]);
    }
}
