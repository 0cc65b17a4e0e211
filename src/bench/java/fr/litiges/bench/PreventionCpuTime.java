package fr.litiges.bench;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.prevention.PreventionService;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processor time and bytes allocated per preventive plan on one thread, for one generated
 * portfolio ({@link PortfolioMix}, seed 42), like {@link DecisionCpuTime} for decisions: on a
 * shared machine a thread's processor time leaves out the time it waits for a core. Prints one
 * line per round and the SHA-256 of the last plan's JSON (without the ruleset, whose version
 * carries the compilation's time), so two builds can also be checked to plan alike. Run from the
 * repository root: {@code java -cp <bench classpath> fr.litiges.bench.PreventionCpuTime [rounds] [plans] [invoices]}.
 */
public final class PreventionCpuTime {
    private PreventionCpuTime() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int invoices = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
        if (!compilation.succeeded()) {
            throw new IllegalStateException(compilation.problems().toString());
        }
        PreventionService prevention = new PreventionService(new ActiveRuleset(compilation.ruleset()),
                new DecisionProperties(5000, Duration.ofMinutes(1)));
        PreventionRequest portfolio = PortfolioMix.generate(invoices, 42);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        PreventionResponse last = null;
        for (int warm = 0; warm < perRound; warm++) {
            last = prevention.plan(portfolio, "en");
        }
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(self);
            for (int i = 0; i < perRound; i++) {
                last = prevention.plan(portfolio, "en");
            }
            double cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / perRound;
            double kilobytes = (threads.getThreadAllocatedBytes(self) - allocated) / 1024.0 / perRound;
            System.out.printf("round %d: %.1f ms of processor time per plan of %d invoices, %.0f KiB allocated per plan%n",
                    round, cpuMillis, invoices, kilobytes);
        }
        byte[] plans = JsonMapper.builder().build().writeValueAsString(last.plans()).getBytes(StandardCharsets.UTF_8);
        System.out.println("(plans sha256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plans)) + ")");
    }
}
