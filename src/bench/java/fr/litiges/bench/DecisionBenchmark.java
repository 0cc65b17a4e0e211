package fr.litiges.bench;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process decisions per second on the shipped ruleset and a realistic mix of complaints
 * (see {@link ComplaintMix}), on one thread and on every core. Run from the repository root:
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class DecisionBenchmark {

    @State(Scope.Benchmark)
    public static class Service {
        DecisionService decisions;
        List<Complaint> complaints;

        @Setup(Level.Trial)
        public void compile() {
            RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
            if (!compilation.succeeded()) {
                throw new IllegalStateException(compilation.problems().toString());
            }
            Ruleset ruleset = compilation.ruleset();
            decisions = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000));
            complaints = ComplaintMix.generate(1_000, 42);
        }
    }

    /** Each thread walks the mix from its own place, so threads do not decide the same complaint together. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start() {
            next = (int) (Thread.currentThread().getId() * 7919 % 1_000);
        }
    }

    @Benchmark
    @Threads(1)
    public Decision oneThread(Service service, Cursor cursor) {
        return decide(service, cursor);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public Decision allCores(Service service, Cursor cursor) {
        return decide(service, cursor);
    }

    private static Decision decide(Service service, Cursor cursor) {
        Complaint complaint = service.complaints.get(cursor.next);
        cursor.next = (cursor.next + 1) % service.complaints.size();
        return service.decisions.decide(complaint, "en");
    }
}
