package fr.litiges.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.ShippedRuleset;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** Replays the shipped sample, replay/sample.ndjson, on the shipped ruleset and on analysts' edits of it. */
class ImpactReplayTest {
    private static final Path SAMPLE = Path.of("replay/sample.ndjson");
    private static DecisionPool pool;
    private static ImpactReplay replay;
    private static ComplaintBatchReader reader;
    private static ComplaintBatch sample;

    @BeforeAll
    static void setUp() throws IOException {
        DecisionService decisions = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(), new DecisionProperties(5000));
        pool = new DecisionPool(decisions);
        replay = new ImpactReplay(pool);
        reader = new ComplaintBatchReader(JsonMapper.builder().build(), Validation.buildDefaultValidatorFactory().getValidator());
        sample = reader.read(Files.readAllBytes(SAMPLE), ComplaintBatchReader.NDJSON);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    @Test
    void theSampleIsReadWholeAndCoversEverySubCause() {
        assertThat(sample.unreadable()).isZero();
        assertThat(sample.complaints()).hasSizeGreaterThanOrEqualTo(500);
        Set<SubCause> found = pool.map(sample.complaints(), c -> pool.decideOrNull(ShippedRuleset.get(), c)).stream()
                .filter(Objects::nonNull).map(d -> d.classification().subCause())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SubCause.class)));
        assertThat(found).containsExactlyInAnyOrder(SubCause.values());
    }

    @Test
    void theShippedRulesetAgainstItselfChangesNothing() {
        Ruleset shipped = ShippedRuleset.get();

        Impact impact = replay.replay(shipped, shipped, sample);

        assertThat(impact.decided()).isEqualTo(sample.complaints().size());
        assertThat(impact.failed()).isZero();
        assertThat(impact.changed()).isZero();
        assertThat(impact.byField()).containsOnlyKeys("primaryCause", "subCause", "recommendedChannel", "department", "priority",
                "actions", "expectedResolutionDays", "financingCost").allSatisfy((field, count) -> assertThat(count).isZero());
        assertThat(impact.examples()).isEmpty();
        assertThat(impact.financingCostAfter()).isEqualByComparingTo(impact.financingCostBefore()).isPositive();
    }

    @Test
    void aLongerAmicableSettlementChangesDurationsAndCostsOnly(@TempDir Path folder) {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(folder);
        workspace.editTable("resolution.xlsx", wb -> {
            Row amicable = AnalystWorkspace.rowStartingWith(wb.getSheet("Canaux"), "AMICABLE_SETTLEMENT");
            amicable.getCell(1).setCellValue(amicable.getCell(1).getNumericCellValue() + 10);
        });
        Ruleset longer = compile(workspace);

        Impact impact = replay.replay(ShippedRuleset.get(), longer, sample);

        assertThat(impact.failed()).isZero();
        assertThat(impact.changed()).isPositive();
        assertThat(impact.byField().get("expectedResolutionDays")).isPositive();
        assertThat(impact.byField().get("financingCost")).isPositive();
        assertThat(impact.byField()).containsEntry("primaryCause", 0).containsEntry("subCause", 0)
                .containsEntry("recommendedChannel", 0).containsEntry("department", 0);
        assertThat(impact.financingCostAfter()).isGreaterThan(impact.financingCostBefore());
        assertThat(impact.examples()).isNotEmpty().hasSizeLessThanOrEqualTo(ImpactReplay.MAX_EXAMPLES)
                .anySatisfy(example -> {
                    assertThat(example.field()).isEqualTo("expectedResolutionDays");
                    assertThat((Integer) example.after()).isEqualTo((Integer) example.before() + 10);
                });
    }

    @Test
    void badLinesAndUndecidableComplaintsCountAsFailedAndTheRestIsReplayed() {
        String good = sample.complaints().isEmpty() ? "" : firstLine();
        String severalCurrencies = """
                {"complaintId":"MIXED-1","receivedOn":"2026-11-20","customer":{"id":"K-1","type":"BUSINESS"},\
                "invoices":[{"number":"F-1","amount":10,"currency":"EUR","status":"OPEN"},{"number":"F-2","amount":10,"currency":"USD","status":"OPEN"}]}""";
        String body = good + "\n{not json\n\n{\"complaintId\": 12}\n[1,2]\n" + severalCurrencies + "\n";

        ComplaintBatch batch = reader.read(body.getBytes(StandardCharsets.UTF_8), ComplaintBatchReader.NDJSON);
        Impact impact = replay.replay(ShippedRuleset.get(), ShippedRuleset.get(), batch);

        assertThat(batch.unreadable()).isEqualTo(3);
        assertThat(impact.decided()).isEqualTo(1);
        assertThat(impact.failed()).isEqualTo(4);
    }

    @Test
    void aJsonBodyMustHoldAComplaintsArrayOfAtMostTenThousand() {
        assertThatThrownBy(() -> reader.read("{\"items\": []}".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> reader.read("{\"complaints\": []}".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.field()).isEqualTo("complaints"));
        String tooMany = "{\"complaints\": [" + "{},".repeat(ImpactReplay.MAX_COMPLAINTS) + "{}]}";
        assertThatThrownBy(() -> reader.read(tooMany.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ReplayInputException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        ComplaintBatch one = reader.read(("{\"complaints\": [" + firstLine() + ", 7]}").getBytes(StandardCharsets.UTF_8), null);
        assertThat(one.complaints()).hasSize(1);
        assertThat(one.unreadable()).isEqualTo(1);
    }

    private static String firstLine() {
        try {
            return Files.readAllLines(SAMPLE).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Ruleset compile(AnalystWorkspace workspace) {
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        return compilation.ruleset();
    }

}
