package fr.litiges.bench;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.decision.api.TraceJson;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processor time and bytes allocated to write a decision's answer as JSON on one thread, the
 * answers written as the HTTP layer writes them (UTF-8 to a stream, the service's write
 * settings): Jackson field by field (the trace as a plain list, as before) against the JSON the
 * trace entries carry, alternating rounds in the same minutes. Checks first that both write the
 * same bytes for every decision. The decisions: the benchmark mix (1,000 complaints, seed 42) in
 * English, as the HTTP benchmark asks for them. Run from the repository root:
 * {@code java -cp <bench classpath> fr.litiges.bench.AnswerWritingCpuTime [rounds] [answers per round]}.
 */
public final class AnswerWritingCpuTime {
    private AnswerWritingCpuTime() {
    }

    /** Counts and drops what is written, as a socket would take it. */
    private static final class Discard extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
        if (!compilation.succeeded()) {
            throw new IllegalStateException(compilation.problems().toString());
        }
        DecisionService decisions = new DecisionService(new ActiveRuleset(compilation.ruleset()), Clock.systemUTC(), new DecisionProperties(5000));
        List<Complaint> mix = ComplaintMix.generate(1_000, 42);
        List<Decision> carried = mix.stream().map(c -> decisions.decide(c, "en")).toList();
        List<Decision> plain = carried.stream().map(d -> new Decision(d.decisionId(), d.complaintId(), d.evaluatedAt(), d.ruleset(),
                d.classification(), d.routing(), d.resolution(), d.paymentImpact(), List.copyOf(d.trace()), d.traceTruncated(), d.traceTotal())).toList();
        // The settings of the service's mapper that touch writing (WebConfiguration), with the trace's serializer.
        JsonMapper json = JsonMapper.builder().addModule(TraceJson.module()).enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        for (int i = 0; i < carried.size(); i++) {
            if (!Arrays.equals(json.writeValueAsBytes(carried.get(i)), json.writeValueAsBytes(plain.get(i)))) {
                throw new IllegalStateException("answer " + i + " differs");
            }
        }
        System.out.println(carried.size() + " answers identical both ways");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
        long self = Thread.currentThread().getId();
        for (int round = 0; round <= rounds; round++) {
            for (String way : new String[] {"field by field", "carried JSON"}) {
                List<Decision> answers = way.equals("carried JSON") ? carried : plain;
                Discard out = new Discard();
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = allocations.getThreadAllocatedBytes(self);
                for (int i = 0; i < perRound; i++) {
                    json.writeValue(out, answers.get(i % answers.size()));
                }
                double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / perRound;
                double kilobytes = (allocations.getThreadAllocatedBytes(self) - allocated) / 1024.0 / perRound;
                System.out.printf("%s %-14s: %.2f µs of processor time, %.2f KiB allocated, %.0f bytes written per answer%n",
                        round == 0 ? "warm-up" : "round " + round, way, micros, kilobytes, (double) out.count / perRound);
            }
        }
    }
}
