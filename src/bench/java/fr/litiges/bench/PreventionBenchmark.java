package fr.litiges.bench;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.prevention.PreventionService;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One portfolio of 500 invoices planned, against 500 single decisions of the realistic complaint
 * mix, side by side on one thread in the same JVM. Run from the repository root:
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Djmh.args="PreventionBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class PreventionBenchmark {

    @State(Scope.Benchmark)
    public static class Services {
        PreventionService prevention;
        DecisionService decisions;
        PreventionRequest portfolio;
        List<Complaint> complaints;

        @Setup(Level.Trial)
        public void compile() {
            RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
            if (!compilation.succeeded()) {
                throw new IllegalStateException(compilation.problems().toString());
            }
            Ruleset ruleset = compilation.ruleset();
            prevention = new PreventionService(new ActiveRuleset(ruleset), new DecisionProperties(5000, java.time.Duration.ofMinutes(1)));
            decisions = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000, java.time.Duration.ofMinutes(1)));
            portfolio = PortfolioMix.generate(500, 42);
            complaints = ComplaintMix.generate(500, 42);
        }
    }

    @Benchmark
    public PreventionResponse portfolioOf500Invoices(Services services) {
        return services.prevention.plan(services.portfolio, "en");
    }

    @Benchmark
    public void fiveHundredDecisions(Services services, Blackhole sink) {
        for (Complaint complaint : services.complaints) {
            sink.consume(services.decisions.decide(complaint, "en"));
        }
    }
}
