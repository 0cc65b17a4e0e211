package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.text.ReaderFixture;
import fr.litiges.text.SecondReader;
import fr.litiges.text.SecondReaderTables;
import fr.litiges.text.TextRules;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * rules/second-reader.drl on the shipped rules, with fixture text tables (a duplicate invoice in "deux fois",
 * a defect in "cassé") and a second reader learnt from fixture examples: when its opinion proposes a cause,
 * when it sends the complaint to review, and what the decision says of it.
 */
class SecondReaderRulesTest {
    private static final TextRules WORDS = ReaderFixture.analysis();

    /** The typical examples, and a partial delivery written with the words of a duplicate ("livré en deux fois"). */
    private static ReaderFixture examples() {
        return ReaderFixture.typical()
                .example("INCOMPLETE_DELIVERY", "Livré en deux fois, et il manque encore la moitié des cartons.")
                .example("INCOMPLETE_DELIVERY", "Il manque la moitié de la livraison, le reste n'est jamais arrivé.")
                .example("INCOMPLETE_DELIVERY", "Livraison partielle : il manque des cartons.")
                .example("INCOMPLETE_DELIVERY", "Only half of the cartons were delivered, the rest is missing.");
    }

    private static Decision decide(ReaderFixture fixture, String text) {
        SecondReaderTables.Reading reading = fixture.read(WORDS);
        assertThat(reading.problems()).isEmpty();
        return decide(reading.reader(), text);
    }

    private static Decision decide(SecondReader reader, String text) {
        Ruleset shipped = ShippedRuleset.get();
        Ruleset ruleset = new Ruleset(shipped.version(), shipped.hash(), shipped.loadedAt(), shipped.kieBase(), shipped.sourceMap(),
                shipped.files(), WORDS, null, reader);
        DecisionService service = new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(),
                new DecisionProperties(5000, java.time.Duration.ofSeconds(30)));
        return service.decide(complaint(text), "fr");
    }

    private static Complaint complaint(String text) {
        return Complaints.JSON.readValue("{\"complaintId\": \"SR-1\", \"receivedOn\": \"2026-11-20\", \"customer\": {\"id\": \"K-1\", "
                + "\"type\": \"BUSINESS\"}, \"text\": " + Complaints.JSON.writeValueAsString(text) + "}", Complaint.class);
    }

    @Test
    void nothingFoundAnywhereTheReadersConfidentReadingIsALowConfidenceCauseThatSaysWhy() {
        Decision decision = decide(examples(), "La pompe ne fonctionne pas depuis sa mise en route.");

        assertThat(decision.classification().subCause()).isEqualTo(SubCause.DEFECTIVE_PRODUCT);
        Decision.CauseFound cause = decision.classification().causes().get(0);
        assertThat(cause.confidence()).isEqualTo(Confidence.LOW);
        assertThat(cause.ruleId()).isEqualTo("Second reader: nothing found anywhere, the reader's confident reading is a low-confidence cause");
        assertThat(String.join(" ", cause.evidence())).contains("Customer's words read as DEFECTIVE_PRODUCT", "second reader", "SL-001",
                "Second lecteur, row 5").containsPattern("examples EX-000[456]");
        // The trace names the rule that decided and the threshold row it used, with the words and examples that weighed.
        assertThat(decision.trace()).anySatisfy(entry -> assertThat(entry.source()).isEqualTo("rules/second-reader.drl"));
        assertThat(decision.trace()).anySatisfy(entry -> {
            assertThat(entry.ruleId()).isEqualTo("SL-001");
            assertThat(entry.sheet()).isEqualTo("Second lecteur");
            assertThat(entry.row()).isEqualTo(5);
            assertThat(entry.ruleName()).contains("PROPOSER", "read as DEFECTIVE_PRODUCT").containsPattern("examples EX-000[456]");
        });
    }

    @Test
    void belowThePolicysThresholdTheComplaintStaysForReview() {
        Decision decision = decide(examples().thresholds("PROPOSER", 1.0, 1.0), "La pompe ne fonctionne pas depuis sa mise en route.");

        assertThat(decision.classification().subCause()).isEqualTo(SubCause.NEEDS_REVIEW);
        assertThat(decision.trace()).noneSatisfy(entry -> assertThat(entry.source()).isEqualTo("rules/second-reader.drl"));
        assertThat(decision.trace()).noneSatisfy(entry -> assertThat(entry.sheet()).isEqualTo("Second lecteur"));
    }

    @Test
    void theWordsAloneFoundOneCauseAndTheReaderConfidentlyReadsAnotherAPersonDecides() {
        String text = "Livré en deux fois, il manque toujours la moitié des cartons.";
        assertThat(decide(SecondReader.NONE, text).classification().subCause()).as("the words alone").isEqualTo(SubCause.DUPLICATE_INVOICE);

        Decision decision = decide(examples(), text);

        assertThat(decision.classification().subCause()).isEqualTo(SubCause.NEEDS_REVIEW);
        assertThat(decision.classification().causes()).extracting(Decision.CauseFound::subCause).containsExactly(SubCause.NEEDS_REVIEW);
        assertThat(String.join(" ", decision.classification().causes().get(0).evidence()))
                .contains("read as INCOMPLETE_DELIVERY", "not as [DUPLICATE_INVOICE]", "SL-002", "a person decides");
        assertThat(decision.trace()).extracting(Decision.TraceEntry::ruleName).contains(
                "Second reader: the words alone found a cause, the reader confidently reads another: a person decides",
                "Second reader: the words' findings give way to the review the reader asked for");
        assertThat(decision.trace()).extracting(Decision.TraceEntry::ruleId).contains("SL-002");
    }

    @Test
    void theWordsStandWhenTheReaderAgreesOrIsNotSureEnough() {
        String agreeing = "Nous avons reçu la facture deux fois.";
        Decision agreed = decide(examples(), agreeing);
        assertThat(agreed.classification().subCause()).isEqualTo(SubCause.DUPLICATE_INVOICE);
        assertThat(agreed.classification().causes().get(0).evidence()).allSatisfy(e -> assertThat(e).startsWith("Customer wrote "));

        String disagreeing = "Livré en deux fois, il manque toujours la moitié des cartons.";
        Decision unsure = decide(examples().thresholds("CONTREDIRE", 1.0, 1.0), disagreeing);
        assertThat(unsure.classification().subCause()).isEqualTo(SubCause.DUPLICATE_INVOICE);
    }
}
