package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import fr.litiges.text.SecondReader;
import java.nio.file.Path;
import java.time.Clock;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst's edit of one concept row learns the second reader again (it reads the concepts too): the
 * decisions of texts the edit does not concern must not move. The short complaint of the replication test,
 * with its concept and pattern added as that test adds them, then a concept of other words added.
 */
class UnrelatedConceptTest {
    private static final String SAMPLE = "Votre sous-traitant a saboté.";

    @TempDir
    Path workdir;

    private record Outcome(Decision decision, SecondReader.Opinion opinion) {
    }

    private static Outcome decide(AnalystWorkspace workspace) {
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        Complaint complaint = Complaints.JSON.readValue("{\"complaintId\": \"C-1\", \"receivedOn\": \"2026-11-20\", \"customer\": {\"id\": \"K\", "
                + "\"type\": \"BUSINESS\"}, \"text\": \"" + SAMPLE + "\"}", Complaint.class);
        Decision decision = new DecisionService(new ActiveRuleset(compilation.ruleset()), Clock.systemUTC(),
                new DecisionProperties(5000, java.time.Duration.ofSeconds(30))).decide(complaint, "fr");
        return new Outcome(decision, compilation.ruleset().secondReader().read(SAMPLE));
    }

    @Test
    void aConceptOfOtherWordsLeavesTheShortSamplesDecisionAsItWas() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        workspace.editTable("causes.xlsx", workbook -> {
            AnalystWorkspace.appendRow(workbook.getSheet("Concepts"), "SABOTAGE", "fr", "saboter");
            AnalystWorkspace.appendRow(workbook.getSheet("Motifs de texte"), "UNSATISFACTORY_SERVICE", "SABOTAGE", null, null, 1, "oui", 1);
        });
        Outcome before = decide(workspace);

        // pallets are in some of the examples' words, watering cans in none; neither is in the sample
        workspace.editTable("causes.xlsx", workbook -> {
            AnalystWorkspace.appendRow(workbook.getSheet("Concepts"), "PALETTE", "fr", "palette;pallet");
            AnalystWorkspace.appendRow(workbook.getSheet("Concepts"), "ARROSAGE", "fr", "arrosoir;watering can");
        });
        Outcome after = decide(workspace);

        // the same causes (their evidence quotes the reader's probability, which may move in its last digits)
        assertThat(after.decision().classification().causes()).extracting(Decision.CauseFound::subCause, Decision.CauseFound::confidence)
                .isEqualTo(before.decision().classification().causes().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.subCause(), c.confidence())).toList());
        assertThat(after.opinion().subCause()).isEqualTo(before.opinion().subCause());
        assertThat(after.opinion().probability()).isCloseTo(before.opinion().probability(), Offset.offset(0.01));
        assertThat(after.opinion().margin()).isCloseTo(before.opinion().margin(), Offset.offset(0.01));
    }
}
