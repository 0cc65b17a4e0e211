package fr.litiges.bench;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Decisions per second of processor time on one thread, over the same mix as
 * {@link DecisionBenchmark}: on a shared machine a thread's processor time does not count the
 * time it waits for a core, so two builds measured one after the other compare fairly even
 * when the wall-clock throughput of JMH is swamped by other work. Prints one line per round.
 * Run from the repository root: {@code java -cp <bench classpath> fr.litiges.bench.DecisionCpuTime [rounds] [decisions] [without-text]}.
 */
public final class DecisionCpuTime {
    private DecisionCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
        if (!compilation.succeeded()) {
            throw new IllegalStateException(compilation.problems().toString());
        }
        DecisionService decisions = new DecisionService(new ActiveRuleset(compilation.ruleset()), Clock.systemUTC(), new DecisionProperties(5000));
        List<Complaint> mix = ComplaintMix.generate(1_000, 42);
        if (args.length > 2 && args[2].equals("without-text")) {
            // The rules alone: the same complaints with no words to analyse.
            mix = mix.stream().map(c -> new Complaint(c.complaintId(), c.receivedOn(), "", c.reportedReasons(), c.customer(),
                    c.invoices(), c.order(), c.deliveries(), c.disputedAmount(), c.resolutionAttempts())).toList();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Bytes allocated by this thread: a measure of the work that does not depend on the machine's load.
        com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
        long self = Thread.currentThread().getId();
        int next = 0;
        long sink = 0;
        for (int warm = 0; warm < perRound; warm++) {
            sink += decisions.decide(mix.get(next++ % mix.size()), "fr").traceTotal();
        }
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long allocated = allocations.getThreadAllocatedBytes(self);
            for (int i = 0; i < perRound; i++) {
                sink += decisions.decide(mix.get(next++ % mix.size()), "fr").traceTotal();
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            double kilobytes = (allocations.getThreadAllocatedBytes(self) - allocated) / 1024.0 / perRound;
            System.out.printf("round %d: %.0f decisions per processor-second (%.0f per wall-second), %.1f KiB allocated per decision%n", round,
                    perRound / cpuSeconds, perRound / wallSeconds, kilobytes);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
