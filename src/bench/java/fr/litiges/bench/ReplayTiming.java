package fr.litiges.bench;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.impact.ComplaintBatch;
import fr.litiges.impact.DecisionPool;
import fr.litiges.impact.Impact;
import fr.litiges.impact.ImpactReplay;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times, side by side, an impact replay of 10,000 complaints (each decided on a base and on a
 * freshly compiled candidate, on all cores) against deciding the same 10,000 once as a batch does
 * (one after the other, on one ruleset). Run by hand, not a test:
 * {@code ./mvnw -Pbench -DskipTests test-compile} then
 * {@code java -Xmx1g -cp target/classes:target/test-classes:<test classpath> fr.litiges.bench.ReplayTiming [rounds]}.
 */
public final class ReplayTiming {
    private ReplayTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Ruleset base = compile();
        Ruleset candidate = compile();
        DecisionService decisions = new DecisionService(new ActiveRuleset(base), Clock.systemUTC(), new DecisionProperties(5000));
        List<Complaint> complaints = ComplaintMix.generate(10_000, 13);
        ComplaintBatch batch = new ComplaintBatch(complaints, 0);
        try (DecisionPool pool = new DecisionPool(decisions)) {
            ImpactReplay replay = new ImpactReplay(pool);
            // Warm-up: the JIT and both rulesets' constraint compilation.
            batch(decisions, base, complaints);
            replay.replay(base, candidate, batch);

            double[] batchSeconds = new double[rounds];
            double[] replaySeconds = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                int failed = batch(decisions, base, complaints);
                batchSeconds[round] = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                Impact impact = replay.replay(base, candidate, batch);
                replaySeconds[round] = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: batch %.2f s (%d failed), replay %.2f s (decided %d, failed %d, changed %d), ratio %.2f%n",
                        round + 1, batchSeconds[round], failed, replaySeconds[round], impact.decided(), impact.failed(), impact.changed(),
                        replaySeconds[round] / batchSeconds[round]);
            }
            double medianBatch = median(batchSeconds);
            double medianReplay = median(replaySeconds);
            System.out.printf("median: batch %.2f s, replay %.2f s, replay / batch = %.2f (target < 3), %d processors%n",
                    medianBatch, medianReplay, medianReplay / medianBatch, Runtime.getRuntime().availableProcessors());
        }
    }

    /** What POST /api/v1/decisions/batch does: each complaint in turn on one ruleset. */
    private static int batch(DecisionService decisions, Ruleset ruleset, List<Complaint> complaints) {
        int failed = 0;
        List<Object> kept = new ArrayList<>(complaints.size());
        for (Complaint complaint : complaints) {
            try {
                kept.add(decisions.decide(ruleset, complaint, "en"));
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }

    private static Ruleset compile() {
        RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
        if (!compilation.succeeded()) {
            throw new IllegalStateException("the shipped ruleset does not compile: " + compilation.problems());
        }
        return compilation.ruleset();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
