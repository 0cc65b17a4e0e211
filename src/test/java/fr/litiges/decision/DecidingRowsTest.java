package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.decision.api.Decision.TraceEntry;
import fr.litiges.ruleset.ActiveRuleset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/**
 * The trace lists only table rows whose answer the decision reads: a row fires for what this
 * complaint asks (a sub-cause that stands, a channel on the way, a channel the rationale names),
 * and a first-match table fires one row. Checked on the shipped tables without pinning their rows:
 * each traced row is read back from its workbook.
 */
class DecidingRowsTest {
    private final DecisionService service = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(),
            new DecisionProperties(5_000));

    // A defect in the words and the CRM's NOT_PAID: the unpaid finding is dropped (something else explains
    // the dispute), so its precedence row must not fire; the amicable settlement failed, so the rationale
    // names it though it is not on the way any more.
    private final Complaint complaint = Complaints.fromJson("""
            {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"},
             "text": "La machine est tombée en panne, elle ne fonctionne pas.", "reportedReasons": ["NOT_PAID"],
             "invoices": [{"number": "F-1", "dueOn": "2026-12-20", "amount": 4000.00, "currency": "EUR", "status": "OPEN"}],
             "resolutionAttempts": [{"channel": "AMICABLE_SETTLEMENT", "startedOn": "2026-10-10", "outcome": "FAILED"}]}
            """);

    @Test
    void everyTracedTableRowAnswersWhatTheDecisionReads() throws IOException {
        Decision decision = service.decide(complaint, "fr");

        Set<String> subCauses = decision.classification().causes().stream().map(c -> c.subCause().name()).collect(Collectors.toSet());
        assertThat(subCauses).doesNotContain("NO_REASON_GIVEN");
        assertThat(firstCells(decision, "decision-tables/causes.xlsx", "Préséance")).containsExactlyInAnyOrderElementsOf(subCauses);

        Set<String> way = new HashSet<>();
        way.add(decision.resolution().recommendedChannel().name());
        decision.resolution().escalationPath().forEach(channel -> way.add(channel.name()));
        assertThat(firstCells(decision, "decision-tables/resolution.xlsx", "Canaux")).containsExactlyInAnyOrderElementsOf(way);

        // Named: the recommended channel and the failed one before it, which is not on the way.
        assertThat(firstCells(decision, "decision-tables/resolution.xlsx", "Noms des canaux"))
                .containsExactlyInAnyOrder(decision.resolution().recommendedChannel().name(), Channel.AMICABLE_SETTLEMENT.name());
        assertThat(way).doesNotContain(Channel.AMICABLE_SETTLEMENT.name());

        for (String firstMatch : List.of("Échelles", "Justifications", "Politique de paiement", "Financement", "Priorité")) {
            String source = firstMatch.equals("Priorité") ? "decision-tables/routing.xlsx" : "decision-tables/resolution.xlsx";
            assertThat(rows(decision, source, firstMatch)).as(firstMatch).hasSize(1);
        }
    }

    @Test
    void noTableRowIsListedTwiceForOneDecision() {
        Decision decision = service.decide(complaint, "en");

        // A rule of a DRL file may fire once per fact (per invoice, per rung); a table row answers once.
        List<String> fired = decision.trace().stream().filter(entry -> entry.sheet() != null && !entry.sheet().equals("Motifs de texte"))
                .map(entry -> entry.source() + " " + entry.ruleId()).toList();
        assertThat(fired).doesNotHaveDuplicates();
    }

    private static List<TraceEntry> rows(Decision decision, String source, String sheet) {
        return decision.trace().stream().filter(entry -> source.equals(entry.source()) && sheet.equals(entry.sheet())).toList();
    }

    /** The first cell of each traced row of a sheet, read from the shipped workbook. */
    private static List<String> firstCells(Decision decision, String source, String sheet) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(source)); Workbook workbook = WorkbookFactory.create(in)) {
            return rows(decision, source, sheet).stream()
                    .map(entry -> workbook.getSheet(sheet).getRow(entry.row() - 1).getCell(0).toString().trim())
                    .toList();
        }
    }
}
