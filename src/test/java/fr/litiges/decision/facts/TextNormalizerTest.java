package fr.litiges.decision.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    private static List<String> stems(String text) {
        return TextNormalizer.tokenize(text).stream().map(TextNormalizer.Token::stem).toList();
    }

    /** The stem of a single word as the text pipeline produces it (fold + number words + stem). */
    private static String stemOf(String word) {
        List<String> s = stems(word);
        assertThat(s).as("tokens of %s", word).hasSize(1);
        return s.get(0);
    }

    @Test
    void nullAndEmptyGiveNoTokens() {
        assertThat(TextNormalizer.tokenize(null)).isEmpty();
        assertThat(TextNormalizer.tokenize("")).isEmpty();
        assertThat(TextNormalizer.tokenize(" ,;!? -- ")).isEmpty();
    }

    @Test
    void lowerCasesRemovesAccentsAndExpandsLigatures() {
        assertThat(stems("ÇA ÉTÉ Où Noël")).containsExactly("ca", "ete", "ou", "noel");
        assertThat(stems("cœur")).containsExactly("coeur");
        assertThat(stems("Œuvre")).containsExactly(stemOf("oeuvre"));
        assertThat(stems("ex æquo")).containsExactly("ex", "aequo");
    }

    @Test
    void punctuationAndSymbolsSeparateWords() {
        assertThat(stems("PO-4411/B;ok…fin*x")).containsExactly("po", "4411", "b", "ok", "fin", "x");
        assertThat(stems("(prix)\t€12.50\n")).containsExactly("prix", "12", "50");
    }

    @Test
    void offsetsPointIntoTheOriginalString() {
        String text = "Œuvre — l'été «cassé»";
        List<TextNormalizer.Token> tokens = TextNormalizer.tokenize(text);
        assertThat(tokens)
                .extracting(t -> text.substring(t.start(), t.end()))
                .containsExactly("Œuvre", "l", "été", "cassé");
        // "Œ" is one char in the original but two ("oe") once folded: offsets must not drift.
        assertThat(tokens.get(3).start()).isEqualTo(text.indexOf("cassé"));
    }

    @Test
    void decomposedInputKeepsItsCombiningMarksInsideTheWord() {
        String nfd = "facture\u0301 ici";
        List<TextNormalizer.Token> tokens = TextNormalizer.tokenize(nfd);
        assertThat(tokens).extracting(TextNormalizer.Token::stem).containsExactly(stemOf("facturé"), "ici");
        assertThat(nfd.substring(tokens.get(0).start(), tokens.get(0).end())).isEqualTo("facture\u0301");
    }

    @Test
    void supplementaryCharactersAreSeparatorsWithoutBreakingOffsets() {
        String text = "colis\uD83D\uDE21cassé";
        List<TextNormalizer.Token> tokens = TextNormalizer.tokenize(text);
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end())).containsExactly("colis", "cassé");
    }

    @ParameterizedTest
    @ValueSource(strings = {"l'article", "l’article", "l`article", "l‘article", "lʼarticle"})
    void everyApostropheSeparates(String text) {
        assertThat(stems(text)).containsExactly("l", stemOf("article"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "didn't receive | did not receive",
            "didn’t receive | did not receive",
            "can't pay      | can not pay",
            "CAN’T pay      | can not pay",
            "cannot pay     | can not pay",
            "won't ship     | will not ship",
            "isn't correct  | is not correct",
            "doesn't work   | does not work",
    })
    void englishNegativeContractionsAreExpanded(String contracted, String expanded) {
        assertThat(stems(contracted)).isEqualTo(stems(expanded));
    }

    @Test
    void bothHalvesOfAContractionSpanTheWholeWord() {
        String text = "we didn't get it";
        assertThat(TextNormalizer.tokenize(text))
                .extracting(TextNormalizer.Token::stem, t -> text.substring(t.start(), t.end()))
                .containsExactly(
                        tuple("we", "we"),
                        tuple("did", "didn't"),
                        tuple("not", "didn't"),
                        tuple("get", "get"),
                        tuple("it", "it"));
    }

    @Test
    void apostropheTNotAfterNIsNotANegation() {
        // "that't" is no contraction: must not invent a "not".
        assertThat(stems("that't")).doesNotContain("not");
        assertThat(stems("n't")).doesNotContain("not");
    }

    @ParameterizedTest
    @CsvSource({
            "deux, 2", "trois, 3", "quatre, 4", "cinq, 5", "six, 6", "dix, 10",
            "two, 2", "three, 3", "four, 4", "five, 5", "ten, 10", "DEUX, 2", "Trois, 3",
    })
    void numberWordsBecomeDigits(String word, String digits) {
        assertThat(stemOf(word)).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"un", "une", "one"})
    void oneIsNotANumberWord(String word) {
        assertThat(stemOf(word)).isNotEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "facturé facturés facturée facturées facturer facturation facture factures FACTURÉES facturez",
            "livré livrée livrés livrées livrer",
            "abîmé abime abîmés ABIMÉES abîmée",
            "endommagé endommagée endommagés endommagées",
            "cassé casse cassés cassée cassées",
            "manque manquant manquants manquer manquante manquantes",
            "partielle partiel partiels partielles",
            "défectueux défectueuse défectueuses",
            "damaged damage damages damaging",
            "billed bill billing bills",
            "charged charge charges charging",
            "ordered order orders ordering",
            "delivered deliver delivery deliveries delivering",
            "missing miss misses missed",
            "shipped ship shipping ships",
            "quality qualities",
            "tombe tomber tombée tombé",
            "livraison livraisons",
            "remboursement rembourser remboursé remboursements",
            "received receive receiving receives",
            "process processed processing processes",
    })
    void familiesShareOneStem(String family) {
        Set<String> distinct = Arrays.stream(family.split(" "))
                .map(TextNormalizerTest::stemOf)
                .collect(Collectors.toSet());
        assertThat(distinct).as("stems of [%s]", family).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "encaissé, cassé",
            "prix, pris",
            "bill, billion",
            "livraison, livre",
            "livraison, livré",
            "order, ordre",
            "broken, broke",
            "ship, shipment",
            "miss, mission",
            "factures, fracture",
            "manque, manche",
    })
    void unrelatedWordsKeepDistinctStems(String a, String b) {
        assertThat(stemOf(a)).isNotEqualTo(stemOf(b));
    }

    @Test
    void brokenIsLeftAlone() {
        assertThat(stemOf("broken")).isEqualTo("broken");
    }

    @Test
    void shortWordsAndWordsWithDigitsAreNotStemmed() {
        assertThat(stemOf("les")).isEqualTo("les");
        assertThat(stemOf("was")).isEqualTo("was");
        assertThat(stemOf("pas")).isEqualTo("pas");
        assertThat(stemOf("PO4411s")).isEqualTo("po4411s");
        assertThat(stemOf("12kgs")).isEqualTo("12kgs");
    }

    @Test
    void stemsNeverGetShorterThanThreeChars() {
        for (String w : List.of("does", "elles", "elle", "uses", "lies", "added", "tries", "need", "eees", "ying")) {
            assertThat(stemOf(w)).as(w).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void doubleSIsNotAPlural() {
        assertThat(stemOf("class")).isEqualTo("class");
        assertThat(stemOf("cass")).isEqualTo("cass");
        assertThat(stemOf("fois")).isEqualTo("foi");
    }

    @Test
    void doubledConsonantIsUndoubledAfterIngOrEdButNotForLSOrZ() {
        assertThat(stemOf("shipped")).isEqualTo("ship");
        assertThat(stemOf("stopped")).isEqualTo("stop");
        assertThat(stemOf("running")).isEqualTo("run");
        assertThat(stemOf("billed")).isEqualTo("bill");
        assertThat(stemOf("missing")).isEqualTo("miss");
        assertThat(stemOf("buzzed")).isEqualTo("buzz");
        // Undoubling would leave "ad": the three-char floor wins.
        assertThat(stemOf("added")).isEqualTo("add");
    }

    @Test
    void yIsStrippedOnlyFromLongWords() {
        assertThat(stemOf("very")).isEqualTo("very");
        assertThat(stemOf("copy")).isEqualTo("copy");
        assertThat(stemOf("quality")).isEqualTo("qualit");
    }
}
