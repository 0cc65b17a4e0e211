package fr.litiges.text;

import fr.litiges.decision.ShippedRuleset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How the second reader's fixed settings ({@link SecondReader.Options#DEFAULT}) were chosen: the reader
 * alone, 5 folds of the shipped examples (fixed seed), for each setting given as
 * "passes,rate,decay,concepts". A measuring tool run by hand, not a test:
 * {@code java -cp target/classes:target/test-classes:<test classpath> fr.litiges.text.ReaderOptionsExperiment 30,0.5,1e-4,true}
 */
public final class ReaderOptionsExperiment {
    public static void main(String[] args) {
        SecondReader full = ShippedRuleset.get().secondReader();
        List<SecondReader.Example> all = new ArrayList<>(full.examples());
        Collections.shuffle(all, new Random(23));
        int k = 5;
        for (String spec : args) {
            String[] p = spec.split(",");
            SecondReader.Options o = new SecondReader.Options(Integer.parseInt(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Boolean.parseBoolean(p[3]), 16L);
            SecondReader base = full.withOptions(o);
            int right = 0, confident = 0, confidentRight = 0;
            long t0 = System.nanoTime();
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
            System.out.printf("%s: %d/%d right (%.1f %%); margin>=0.5: %d, of which right %d (%.1f %%); %d ms%n", spec, right, all.size(),
                    100.0 * right / all.size(), confident, confidentRight, 100.0 * confidentRight / Math.max(1, confident),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
