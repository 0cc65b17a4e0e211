package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The audit trail writes its own file only when enabled, one JSON line per decision, codes only. */
class DecisionAuditTest {
    @TempDir
    Path folder;

    @AfterEach
    void detach() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("litiges.audit").detachAndStopAllAppenders();
    }

    @Test
    void enabledItWritesOneLinePerDecisionWithoutCustomerWords() throws Exception {
        Path file = folder.resolve("audit/decisions.jsonl");
        DecisionAudit audit = new DecisionAudit(true, file.toString());
        Decision decision = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(), new DecisionProperties(5000))
                .decide(Complaints.fromResource("/decision/contract-example.json"), "en");

        audit.record(decision, 2_000_000);
        audit.record(decision, 3_000_000);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"at\":").contains("\"decisionId\":\"" + decision.decisionId() + "\"",
                "\"rulesetHash\":\"" + decision.ruleset().hash() + "\"", "\"department\":\"" + decision.routing().department() + "\"", "\"durationMicros\":2000");
        assertThat(lines.get(0)).doesNotContain("facturés", "12500", "K-881");
    }

    @Test
    void disabledItCreatesNoFile() {
        Path file = folder.resolve("audit/decisions.jsonl");
        DecisionAudit audit = new DecisionAudit(false, file.toString());
        Decision decision = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(), new DecisionProperties(5000))
                .decide(Complaints.fromResource("/decision/contract-example.json"), "en");

        audit.record(decision, 1_000);

        assertThat(file).doesNotExist();
    }
}
