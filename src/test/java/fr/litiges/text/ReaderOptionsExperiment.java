package fr.litiges.text;

import fr.litiges.decision.ShippedRuleset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How the second reader's fixed settings ({@link SecondReader.Options#DEFAULT}) were chosen: the reader
 * alone, 5 folds of the shipped examples (fixed seed), for each setting given as "decay,concepts"
 * (the L2 penalty's weight, concepts as features), learnt to convergence. Also prints the time to learn
 * the whole sheet (median of 11) and the steps it took. A measuring tool run by hand, not a test:
 * {@code java -cp target/classes:target/test-classes:<test classpath> fr.litiges.text.ReaderOptionsExperiment 1e-3,true}
 */
public final class ReaderOptionsExperiment {
    public static void main(String[] args) {
        SecondReader full = ShippedRuleset.get().secondReader();
        List<SecondReader.Example> all = new ArrayList<>(full.examples());
        Collections.shuffle(all, new Random(23));
        int k = 5;
        for (String spec : args) {
            String[] p = spec.split(",");
            SecondReader.Options o = new SecondReader.Options(Double.parseDouble(p[0]), Boolean.parseBoolean(p[1]),
                    SecondReader.Options.DEFAULT.tolerance(), SecondReader.Options.DEFAULT.iterations());
            SecondReader base = full.withOptions(o);
            int right = 0, confident = 0, confidentRight = 0;
            for (int f = 0; f < k; f++) {
                List<SecondReader.Example> train = new ArrayList<>(), test = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) (i % k == f ? test : train).add(all.get(i));
                SecondReader r = base.learntFrom(train);
                for (SecondReader.Example e : test) {
                    SecondReader.Opinion op = r.read(e.text());
                    if (op == null) continue;
                    boolean ok = op.subCause().equals(e.subCause());
                    if (ok) right++;
                    if (op.margin() >= 0.5) { confident++; if (ok) confidentRight++; }
                }
            }
            long[] times = new long[11];
            SecondReader whole = base;
            for (int t = 0; t < times.length; t++) {
                long t0 = System.nanoTime();
                whole = base.learntFrom(full.examples());
                times[t] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(times);
            System.out.printf("%s: %d/%d right (%.1f %%); margin>=0.5: %d, of which right %d (%.1f %%); whole sheet learnt in %d ms "
                            + "(median of 11), %d steps, gradient %.1e%n", spec, right, all.size(),
                    100.0 * right / all.size(), confident, confidentRight, 100.0 * confidentRight / Math.max(1, confident),
                    times[5] / 1_000_000, whole.learning().iterations(), whole.learning().gradient());
        }
    }
}
