package fr.litiges.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.Complaints;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.LastReload;
import fr.litiges.ruleset.RuleFolderWatcher;
import fr.litiges.ruleset.RulesetActivator;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.ruleset.RulesetGate;
import fr.litiges.ruleset.RulesetReloader;
import fr.litiges.testing.AnalystWorkspace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Reloading analysts' changes: only a compiled ruleset whose scenarios pass goes live, atomically. */
class RulesetReloadTest {
    @TempDir
    Path workdir;
    private AnalystWorkspace workspace;
    private ActiveRuleset active;
    private DecisionService decisions;
    private RulesetReloader reloader;
    private final AtomicBoolean gated = new AtomicBoolean(true);
    private SimpleMeterRegistry metrics;

    @BeforeEach
    void startOnTheShippedRules() {
        workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        RulesetCompiler compiler = new RulesetCompiler();
        active = new ActiveRuleset();
        decisions = new DecisionService(active, Clock.systemUTC(), new DecisionProperties(5000));
        ScenarioGate scenarios = new ScenarioGate(new ScenarioRunner(workspace.scenarios(), decisions, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator()));
        metrics = new SimpleMeterRegistry();
        RulesetGate gate = (candidate, source) -> gated.get() ? scenarios.check(candidate, source) : RulesetGate.Verdict.NONE;
        reloader = new RulesetReloader(new RulesetActivator(compiler, active, List.of(gate), metrics, Clock.systemUTC()), workspace::source);
        // the shipped rules pass their scenarios (ShippedScenariosTest): start on them without running them again
        assertThat(ungated("start-up").outcome()).isEqualTo(LastReload.Outcome.APPLIED);
    }

    /** Without the scenario gate: for changes the shipped scenarios pin (such as the financing rate). */
    private LastReload ungated(String trigger) {
        gated.set(false);
        try {
            return reloader.reload(trigger, false);
        } finally {
            gated.set(true);
        }
    }

    private void setFinancingRate(double rate) {
        workspace.editTable("resolution.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Financement"), "EUR").getCell(1).setCellValue(rate));
    }

    @Test
    void aBrokenFileIsRefusedAndThePreviousRulesetStaysActive() throws Exception {
        String before = active.current().hash();
        Files.writeString(workspace.rules().resolve("broken.drl"), "package fr.litiges.rules;\nrule \"x\" when Invoice( amount > ) then end\n");

        LastReload reload = reloader.reload("api", false);

        assertThat(reload.outcome()).isEqualTo(LastReload.Outcome.REFUSED);
        assertThat(reload.errors()).anySatisfy(e -> assertThat(e.source()).isEqualTo("rules/broken.drl"));
        assertThat(reload.errors()).last().as("no scenario ran, so the refusal says the coverage is unknown")
                .satisfies(e -> assertThat(e.message()).contains("qu'aucun scénario ne couvre ne peuvent pas être listées"));
        assertThat(active.current().hash()).isEqualTo(before);
        assertThat(reloader.lastReload()).isEqualTo(reload);
        assertThat(metrics.counter("litiges.ruleset.reloads", "outcome", "refused", "trigger", "api").count()).isEqualTo(1);
    }

    @Test
    void aRuleThatLoopsIsCaughtByTheScenariosBeforeGoingLive() throws Exception {
        String before = active.current().hash();
        Files.writeString(workspace.rules().resolve("runaway.drl"), """
                package fr.litiges.rules;
                import fr.litiges.decision.facts.*;

                rule "Runaway"
                when
                    $d : Dispute( )
                then
                    update($d);
                end
                """);

        LastReload reload = reloader.reload("api", false);

        assertThat(reload.outcome()).isEqualTo(LastReload.Outcome.REFUSED);
        assertThat(reload.errors()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo("scenarios/politique-par-defaut.xlsx");
            assertThat(e.english()).contains("could not be decided", "Runaway");
            assertThat(e.toString()).startsWith("scenarios/politique-par-defaut.xlsx, feuille ")
                    .contains("n'a pas pu être décidé : les règles", "rules/runaway.drl, ligne", "Runaway")
                    .doesNotContain("fired", "time budget");
        });
        assertThat(active.current().hash()).isEqualTo(before);
    }

    @Test
    void aRulesetWhoseScenarioFailsIsRefusedWithTheScenarioRow() {
        String before = active.current().hash();
        // the department the shipped table gives, read now: the test holds whatever the analysts route it to
        String[] shipped = new String[1];
        String[] changed = new String[1];
        workspace.editTable("routing.xlsx", workbook -> {
            var department = AnalystWorkspace.rowStartingWith(workbook.getSheet("Services"), "NON_CONFORMING_DELIVERY").getCell(1);
            shipped[0] = department.getStringCellValue();
            changed[0] = shipped[0].equals("QUALITY") ? "BILLING" : "QUALITY";
            department.setCellValue(changed[0]);
        });

        LastReload reload = reloader.reload("api", false);

        assertThat(reload.outcome()).isEqualTo(LastReload.Outcome.REFUSED);
        assertThat(reload.errors()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo("scenarios/politique-par-defaut.xlsx");
            assertThat(e.sheet()).isEqualTo("Causes");
            assertThat(e.row()).isPositive();
            assertThat(e.message()).contains("(Service attendu) : scénario « ").contains("attendu " + shipped[0] + ", obtenu " + changed[0]);
        });
        assertThat(active.current().hash()).isEqualTo(before);
    }

    @Test
    void aValidChangeWhoseScenariosPassGoesLive() {
        String before = active.current().hash();
        Complaint sabotage = Complaints.fromJson("""
                {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"},
                 "text": "Le chantier a été saboté par votre sous-traitant."}
                """);
        workspace.editTable("causes.xlsx", workbook -> {
            AnalystWorkspace.appendRow(workbook.getSheet("Concepts"), "SABOTAGE", "fr", "saboter");
            AnalystWorkspace.appendRow(workbook.getSheet("Motifs de texte"), "UNSATISFACTORY_SERVICE", "SABOTAGE", null, null, 1, "oui", 1);
        });

        LastReload reload = reloader.reload("api", false);

        assertThat(reload.outcome()).as(reload.errors().toString()).isEqualTo(LastReload.Outcome.APPLIED);
        assertThat(active.current().hash()).isNotEqualTo(before).isEqualTo(reload.hash());
        Decision decision = decisions.decide(sabotage, "en");
        assertThat(decision.classification().subCause().name()).isEqualTo("UNSATISFACTORY_SERVICE");
        assertThat(decision.ruleset().hash()).isEqualTo(reload.hash());
        assertThat(metrics.counter("litiges.ruleset.reloads", "outcome", "applied", "trigger", "api").count()).isEqualTo(1);
    }

    @Test
    void aChangeThatBreaksAPinnedFigureIsRefusedUntilTheScenarioIsUpdated() {
        // the contract example's cost as the shipped rules give it, which the scenario book pins (sheet Paiement)
        BigDecimal pinned = decisions.decide(Complaints.fromResource("/decision/contract-example.json"), "en").paymentImpact().financingCost();
        setFinancingRate(0.05);

        LastReload reload = reloader.reload("api", false);

        assertThat(reload.outcome()).isEqualTo(LastReload.Outcome.REFUSED);
        assertThat(reload.errors()).anySatisfy(e -> {
            assertThat(e.english()).contains("Coût de financement attendu").contains("expected " + pinned.toPlainString() + ", actual ")
                    .doesNotContain("actual " + pinned.toPlainString());
            assertThat(e.cell()).isNotNull();
        });
    }

    @Test
    void lockAndTemporaryFilesChangeNothing() throws Exception {
        Files.writeString(workspace.tables().resolve("~$routing.xlsx"), "lock");
        Files.writeString(workspace.tables().resolve(".~lock.routing.xlsx#"), "lock");

        LastReload reload = reloader.reload("watcher", true);

        assertThat(reload.outcome()).isEqualTo(LastReload.Outcome.UNCHANGED);
    }

    @Test
    void theWatcherWaitsForAFileSavedInTwoStepsAndIgnoresLockFiles() throws Exception {
        List<LastReload> reloads = new CopyOnWriteArrayList<>();
        CountDownLatch reloaded = new CountDownLatch(1);
        Path routing = workspace.tables().resolve("routing.xlsx");
        byte[] original = Files.readAllBytes(routing);
        setFinancingRate(0.06);
        byte[] resolution = Files.readAllBytes(workspace.tables().resolve("resolution.xlsx"));
        setFinancingRate(0.04);
        try (RuleFolderWatcher watcher = new RuleFolderWatcher(List.of(workspace.rules(), workspace.tables(), workspace.scenarios()),
                Duration.ofMillis(700), () -> {
                    reloads.add(ungated("watcher"));
                    reloaded.countDown();
                })) {
            watcher.start();

            // Lock files are left out by the watcher's filter (RuleFolderWatcherTest) and by the reload
            // itself (lockAndTemporaryFilesChangeNothing); here one is written amid a real change.
            Files.writeString(workspace.tables().resolve("~$routing.xlsx"), "Excel's lock file");

            // A tool that writes the workbook in two steps: half of it, a pause shorter than the
            // debounce period (the pause is the tool's behaviour under test, not a wait), then the rest.
            Path target = workspace.tables().resolve("resolution.xlsx");
            Files.write(target, java.util.Arrays.copyOf(resolution, resolution.length / 2));
            Thread.sleep(300);
            Files.write(target, resolution);
            Files.write(routing, original);

            assertThat(reloaded.await(60, TimeUnit.SECONDS)).as("the watcher reloaded").isTrue();
        }
        // The first reload read the whole file: a half-written workbook would have been refused.
        assertThat(reloads.get(0).outcome()).as(reloads.get(0).errors().toString()).isEqualTo(LastReload.Outcome.APPLIED);
        assertThat(reloads).allSatisfy(reload -> assertThat(reload.outcome()).isNotEqualTo(LastReload.Outcome.REFUSED));
        assertThat(decisions.decide(Complaints.fromResource("/decision/contract-example.json"), "en").paymentImpact().annualFinancingRate())
                .isEqualByComparingTo("0.06");
    }

    @Test
    void decisionsRunThroughManyReloadsWithoutErrorAndOnWholeRulesetsOnly() throws Exception {
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        Map<String, BigDecimal> costByHash = new ConcurrentHashMap<>();
        costByHash.put(active.current().hash(), decisions.decide(active.current(), example, "en").paymentImpact().financingCost());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger decided = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, java.util.Set<BigDecimal>> costsSeenByHash = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        Decision decision = decisions.decide(example, "en");
                        decided.incrementAndGet();
                        costsSeenByHash.computeIfAbsent(decision.ruleset().hash(), h -> ConcurrentHashMap.newKeySet())
                                .add(decision.paymentImpact().financingCost());
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        // Each rate gives its own cost; the cost of each ruleset is taken from a decision on it alone.
        double[] rates = {0.10, 0.04, 0.08, 0.05};
        for (double rate : rates) {
            setFinancingRate(rate);
            LastReload reload = ungated("api");
            assertThat(reload.outcome()).isEqualTo(LastReload.Outcome.APPLIED);
            costByHash.put(reload.hash(), decisions.decide(active.current(), example, "en").paymentImpact().financingCost());
        }
        assertThat(costByHash.values().stream().map(BigDecimal::stripTrailingZeros).distinct()).as("one cost per rate")
                .hasSizeGreaterThanOrEqualTo(rates.length);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        assertThat(decided.get()).isGreaterThan(rates.length);
        // Every decision's figures belong to the ruleset it reports: never a mix of two rulesets.
        costsSeenByHash.forEach((hash, seenCosts) -> {
            assertThat(costByHash).containsKey(hash);
            assertThat(seenCosts).containsExactly(costByHash.get(hash));
        });
        assertThat(costsSeenByHash).hasSizeGreaterThan(1);
    }
}
