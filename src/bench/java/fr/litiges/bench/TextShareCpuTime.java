package fr.litiges.bench;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Codes;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.text.SecondReader;
import fr.litiges.text.TextRules;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * What the customer's words add to a decision, in one JVM: rounds that alternate the mix's decisions
 * with their text, the same decisions without it, and the text's own steps alone on the same texts
 * (analysed once, the patterns, the second reader: what {@code DecisionService} asks before the rules), and
 * the decisions with their text but no second reader (its reading, facts, rules and trace row).
 * Processor time and bytes of this thread per decision; "with − without − words alone" is what the
 * engine does with the words' facts (evidence, findings, trace). Prints each round, then medians.
 * Run from the repository root: {@code java -cp <bench classpath> fr.litiges.bench.TextShareCpuTime [rounds] [decisions] [warm-up rounds]}.
 */
public final class TextShareCpuTime {
    private TextShareCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
        if (!compilation.succeeded()) {
            throw new IllegalStateException(compilation.problems().toString());
        }
        Ruleset ruleset = compilation.ruleset();
        DecisionService decisions = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000));
        List<Complaint> withText = ComplaintMix.generate(1_000, 42);
        List<Complaint> withoutText = withText.stream().map(c -> new Complaint(c.complaintId(), c.receivedOn(), "", c.reportedReasons(),
                c.customer(), c.invoices(), c.order(), c.deliveries(), c.disputedAmount(), c.resolutionAttempts())).toList();
        TextRules words = ruleset.textRules();
        // What the words change in the decisions themselves: a cause found takes the later stages further than a review.
        for (List<Complaint> mix : List.of(withText, withoutText)) {
            int reviews = 0;
            long entries = 0;
            for (Complaint complaint : mix) {
                Decision decision = decisions.decide(complaint, "fr");
                reviews += decision.classification().primaryCause() == Codes.Cause.UNKNOWN ? 1 : 0;
                entries += decision.traceTotal();
            }
            System.out.printf("%s: %d of %d decisions of cause UNKNOWN (left to a person), %.1f trace entries per decision%n",
                    mix == withText ? "with text" : "without text", reviews, mix.size(), (double) entries / mix.size());
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        // The same decisions with the text and without the second reader: what the reader costs, its facts and rules included.
        Ruleset noReader = ruleset.withSecondReader(SecondReader.NONE);
        String[] names = {"with text", "without text", "words alone", "with text, no second reader"};
        int steps = names.length;
        double[][] micros = new double[steps][rounds];
        double[][] kib = new double[steps][rounds];
        long sink = 0;
        for (int round = -warmUp; round < rounds; round++) {
            for (int k = 0; k < steps; k++) {
                int step = (k + Math.max(round, 0)) % steps; // which step goes first turns from round to round
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getThreadAllocatedBytes(self);
                for (int i = 0; i < perRound; i++) {
                    Complaint complaint = withText.get(i % withText.size());
                    if (step == 0) {
                        sink += decisions.decide(complaint, "fr").traceTotal();
                    } else if (step == 1) {
                        sink += decisions.decide(withoutText.get(i % withoutText.size()), "fr").traceTotal();
                    } else if (step == 3) {
                        sink += decisions.decide(noReader, complaint, "fr").traceTotal();
                    } else {
                        TextRules.Analysed analysed = words.analyse(complaint.text());
                        sink += words.patternsIn(analysed).size();
                        sink += ruleset.secondReader().reads() && ruleset.secondReader().opinionOf(analysed) != null ? 1 : 0;
                    }
                }
                if (round >= 0) {
                    micros[step][round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / perRound;
                    kib[step][round] = (threads.getThreadAllocatedBytes(self) - bytes) / 1024.0 / perRound;
                }
            }
            if (round >= 0) {
                System.out.printf("round %d: with text %.1f µs %.1f KiB, without %.1f µs %.1f KiB, words alone %.1f µs %.1f KiB, "
                        + "with text and no second reader %.1f µs %.1f KiB%n", round + 1, micros[0][round], kib[0][round], micros[1][round],
                        kib[1][round], micros[2][round], kib[2][round], micros[3][round], kib[3][round]);
            }
        }
        for (int k = 0; k < steps; k++) {
            System.out.printf("median %s: %.1f µs of processor time, %.1f KiB per decision%n", names[k], median(micros[k]), median(kib[k]));
        }
        double[] engine = new double[rounds];
        double[] engineBytes = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            engine[r] = micros[0][r] - micros[1][r] - micros[2][r];
            engineBytes[r] = kib[0][r] - kib[1][r] - kib[2][r];
        }
        System.out.printf("median of the text's extra beyond the words alone (evidence, findings, trace, answer): %.1f µs, %.1f KiB%n",
                median(engine), median(engineBytes));
        System.out.println("(checksum " + sink + ")");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
