package fr.litiges.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The second reader on small fixture examples: what it answers, why, and how its sheets' mistakes are named. */
class SecondReaderTest {
    private static final TextRules ANALYSIS = ReaderFixture.analysis();

    private static SecondReader reader(ReaderFixture fixture) {
        SecondReaderTables.Reading reading = fixture.read(ANALYSIS);
        assertThat(reading.problems()).isEmpty();
        return reading.reader();
    }

    @Test
    void readsAnUnseenParaphraseAsTheSubCauseOfTheExamplesItsWordsBelongTo() {
        SecondReader.Opinion opinion = reader(ReaderFixture.typical()).read("Bonjour, la pompe est arrivée fendue, elle ne fonctionne pas.");

        assertThat(opinion.subCause()).isEqualTo("DEFECTIVE_PRODUCT");
        assertThat(opinion.probability()).isGreaterThan(0.5).isLessThanOrEqualTo(1);
        assertThat(opinion.margin()).isPositive();
        assertThat(opinion.second()).isNotEqualTo("DEFECTIVE_PRODUCT");
        // The words are quoted as the customer wrote them, and the examples are of the answer given.
        assertThat(opinion.words()).isNotEmpty().allSatisfy(word ->
                assertThat("Bonjour, la pompe est arrivée fendue, elle ne fonctionne pas.").contains(word));
        assertThat(opinion.examples()).isNotEmpty().allSatisfy(id -> assertThat(id).isIn("EX-0004", "EX-0005", "EX-0006"));
    }

    @Test
    void wordsOfOneConceptCountForEachOtherAndSynonymsAreAppliedFirst() {
        SecondReader reader = reader(ReaderFixture.typical());

        // "abîmé" is in no example, but it is the concept CASSE, as "cassé" and "broken" are.
        assertThat(reader.read("Colis abîmé.").subCause()).isEqualTo("DEFECTIVE_PRODUCT");
        // "doublon" means "en double" (Synonymes): the duplicate examples' wording.
        assertThat(reader.read("Un doublon ?").subCause()).isEqualTo("DUPLICATE_INVOICE");
    }

    @Test
    void moreExamplesOfTheSameWordingMakeItSurer() {
        String text = "Problème de trésorerie chez nous.";
        SecondReader.Opinion few = reader(ReaderFixture.typical()).read(text);
        SecondReader.Opinion more = reader(ReaderFixture.typical()
                .example("CASH_FLOW_DIFFICULTY", "Notre trésorerie est au plus bas.")
                .example("CASH_FLOW_DIFFICULTY", "La trésorerie de l'entreprise est tendue.")).read(text);

        assertThat(few.subCause()).isEqualTo("CASH_FLOW_DIFFICULTY");
        assertThat(more.subCause()).isEqualTo("CASH_FLOW_DIFFICULTY");
        assertThat(more.probability()).isGreaterThan(few.probability());
    }

    @Test
    void theSameExamplesGiveTheSameReader() {
        String text = "The goods arrived damaged and the invoice came twice.";
        assertThat(reader(ReaderFixture.typical()).read(text)).isEqualTo(reader(ReaderFixture.typical()).read(text));
    }

    @Test
    void noOpinionWithoutAWordItLearnt() {
        SecondReader reader = reader(ReaderFixture.typical());

        assertThat(reader.read("Zxqw plorf.")).isNull();
        assertThat(reader.read("   ")).isNull();
        assertThat(reader.read(null)).isNull();
        assertThat(SecondReader.NONE.read("Facture reçue deux fois.")).isNull();
    }

    @Test
    void theThresholdsRowsAreNamedForTheTrace() {
        SecondReader reader = reader(ReaderFixture.typical());

        assertThat(reader.propose()).isEqualTo(new SecondReader.Threshold("PROPOSER", 0.4, 0.2,
                new PatternMatch.TableRow("decision-tables/causes.xlsx", "Second lecteur", 5, "SL-001")));
        assertThat(reader.contradict().row().row()).isEqualTo(6);
    }

    @Test
    void aBadExampleRowIsNamedBySheetAndRow() {
        SecondReaderTables.Reading reading = ReaderFixture.typical()
                .example("BROKEN_THING", "Le produit est cassé.", "EX-0100")
                .example("DEFECTIVE_PRODUCT", " ", "EX-0101")
                .example("DEFECTIVE_PRODUCT", "Produit cassé à la livraison.", "EX-0001")
                .example("DEFECTIVE_PRODUCT", "Produit cassé, encore.", "EX 0103")
                .example("DEFECTIVE_PRODUCT", "Produit cassé, toujours.", "")
                .read(ANALYSIS);

        // Examples are on rows 5 to 15 of the fixture; the bad ones follow, from row 16.
        assertThat(reading.reader()).isSameAs(SecondReader.NONE);
        assertThat(reading.problems()).extracting(TextTableProblem::sheet).containsOnly("Exemples");
        assertThat(reading.problems()).extracting(TextTableProblem::row).containsExactly(16, 17, 18, 19, 20);
        assertThat(reading.problems().get(0).message()).contains("sous-cause inconnue « BROKEN_THING »", "NEEDS_REVIEW");
        assertThat(reading.problems().get(1).message()).startsWith("C17 : le texte du client est vide");
        assertThat(reading.problems().get(2).message()).startsWith("E18 : identifiant « EX-0001 » déjà utilisé ligne 5");
        assertThat(reading.problems().get(3).message()).startsWith("E19 : identifiant « EX 0103 » mal formé");
        assertThat(reading.problems().get(4).message()).startsWith("E20 : identifiant manquant");
    }

    @Test
    void aBadOrMissingThresholdIsNamedBySheetAndRow() {
        ReaderFixture fixture = new ReaderFixture()
                .example("DEFECTIVE_PRODUCT", "Produit cassé.")
                .example("DUPLICATE_INVOICE", "Facture en double.")
                .threshold("PROPOSER", 1.5, 0.2, "SL-001")
                .threshold("DEVINER", 0.5, 0.2, "SL-003");
        SecondReaderTables.Reading reading = fixture.read(ANALYSIS);

        assertThat(reading.problems()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Second lecteur");
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.message()).contains("nombres de 0 à 1");
        });
        assertThat(reading.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(6);
            assertThat(p.message()).contains("usage inconnu « DEVINER »");
        });
        assertThat(reading.problems()).anySatisfy(p -> {
            assertThat(p.row()).isNull();
            assertThat(p.message()).contains("il manque la ligne CONTREDIRE");
        });
    }

    @Test
    void theShippedSheetsReadWithoutProblemAndTheirIdsAreUnique() throws Exception {
        byte[] causes = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("decision-tables/causes.xlsx"));
        SecondReaderTables.Reading reading = SecondReaderTables.read("decision-tables/causes.xlsx", causes, TextTables.read("decision-tables/causes.xlsx", causes).rules());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.reader().reads()).isTrue();
        assertThat(reading.reader().examples()).extracting(SecondReader.Example::id).doesNotHaveDuplicates();
        assertThat(reading.reader().propose().row().id()).isNotBlank();
        assertThat(reading.reader().contradict().row().id()).isNotBlank();
    }
}
