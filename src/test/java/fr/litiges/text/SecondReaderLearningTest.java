package fr.litiges.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second reader learns a function of its examples and their features only: not of the rows' order, nor of
 * concepts no example's words express; a concept that one example's words express moves other texts only a little.
 * So an analyst's unrelated edit of the text tables moves none of its opinions.
 */
class SecondReaderLearningTest {
    private static final List<String> TEXTS = List.of(
            "Bonjour, la pompe est arrivée fendue, elle ne fonctionne pas.",
            "Facture reçue deux fois, merci de corriger.",
            "Problème de trésorerie chez nous.",
            "Please call us back about our account.",
            "The device arrived damaged and the invoice came twice.");

    private static SecondReader reader(TextRules analysis) {
        SecondReaderTables.Reading reading = ReaderFixture.typical().read(analysis);
        assertThat(reading.problems()).isEmpty();
        return reading.reader();
    }

    /** The opinion without the examples it quotes (on a tie, the first in the sheet is quoted: that follows the rows' order). */
    private static List<Object> reading(SecondReader.Opinion opinion) {
        return List.of(opinion.subCause(), opinion.probability(), opinion.second(), opinion.margin(), opinion.words());
    }

    @Test
    void learningEndsAtTheMinimumOfItsLoss() {
        SecondReader reader = reader(ReaderFixture.analysis());

        assertThat(reader.learning().gradient()).isLessThanOrEqualTo(SecondReader.Options.DEFAULT.tolerance());
        assertThat(reader.learning().iterations()).isPositive().isLessThan(SecondReader.Options.DEFAULT.iterations());
    }

    @Test
    void theExamplesInAnotherOrderGiveTheSameOpinions() {
        SecondReader reader = reader(ReaderFixture.analysis());
        List<SecondReader.Example> reordered = new ArrayList<>(reader.examples());
        Collections.reverse(reordered);
        Collections.swap(reordered, 0, 5);
        SecondReader other = reader.learntFrom(reordered);

        for (String text : TEXTS) {
            assertThat(reading(other.read(text))).as(text).isEqualTo(reading(reader.read(text)));
        }
    }

    @Test
    void aConceptNoExampleExpressesChangesNoOpinion() {
        SecondReader before = reader(ReaderFixture.analysis());
        SecondReader after = reader(ReaderFixture.analysis(tables -> tables.concept(9, "ARROSAGE", List.of("arrosoir", "watering can"))));

        for (String text : List.of(TEXTS.get(0), TEXTS.get(1), TEXTS.get(2), TEXTS.get(3), TEXTS.get(4), "L'arrosoir est cassé.")) {
            assertThat(after.read(text)).as(text).isEqualTo(before.read(text));
        }
    }

    @Test
    void aConceptOneExampleExpressesMovesOtherTextsLittle() {
        SecondReader before = reader(ReaderFixture.analysis());
        // "appareil" is in one example (EX-0006, a defect); "device" in none.
        SecondReader after = reader(ReaderFixture.analysis(tables -> tables.concept(9, "APPAREIL", List.of("appareil", "device"))));

        for (String text : List.of(TEXTS.get(1), TEXTS.get(2), TEXTS.get(3))) {
            SecondReader.Opinion was = before.read(text);
            SecondReader.Opinion is = after.read(text);
            assertThat(is.subCause()).as(text).isEqualTo(was.subCause());
            assertThat(is.probability()).as(text).isCloseTo(was.probability(), org.assertj.core.data.Offset.offset(0.02));
        }
        // The text that has the new concept's other word is read with it: as the example of a defect.
        assertThat(after.read("Device out of order.").subCause()).isEqualTo("DEFECTIVE_PRODUCT");
    }
}
