package fr.litiges.decision.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTextTest {

    @Nested
    class EmptyTexts {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n\t ", "?!... --"})
        void matchNothing(String raw) {
            CustomerText t = CustomerText.of(raw);
            assertThat(t.isEmpty()).isTrue();
            assertThat(t.cue("facture")).isNull();
            assertThat(t.mentions("a ... b")).isFalse();
            assertThat(t.credits()).isEmpty();
        }

        @Test
        void aSingleWordIsNotEmpty() {
            assertThat(CustomerText.of(" x ").isEmpty()).isFalse();
        }

        @Test
        void eachCallGivesItsOwnInstanceSoCreditsNeverLeakBetweenDecisions() {
            CustomerText a = CustomerText.of(null);
            CustomerText b = CustomerText.of(null);
            assertThat(a).isNotSameAs(b);
            assertThat(a.credits()).isNotSameAs(b.credits());
        }

        @Test
        void stillRejectInvalidCuesSoABadRuleFailsOnEveryDecision() {
            assertThatThrownBy(() -> CustomerText.of("").cue("..."))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no words");
        }
    }

    @Nested
    class Normalisation {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "FACTURÉ DEUX FOIS !!!         | facturé deux fois",
                "facture, deux-fois.           | Facturé deux fois",
                "(factures) « 2 » fois         | facturé deux fois",
                "Colis ABÎMÉ                   | colis abimé",
                "colis abime                   | Colis Abîmé",
                "cœur du problème              | COEUR du probleme",
                "ça n'a pas marché             | ca n a pas marche",
        })
        void ignoresAccentsCaseAndPunctuation(String text, String cue) {
            assertThat(CustomerText.of(text).mentions(cue)).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "l'article est cassé        | l’article est cassé",
                "l’article est cassé        | l'article est cassé",
                "aujourd'hui                | aujourd hui",
                "il n'y a rien              | n y a rien",
        })
        void treatsEveryApostropheAsASeparator(String text, String cue) {
            assertThat(CustomerText.of(text).mentions(cue)).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "We didn't receive the goods     | did not receive         | didn't receive",
                "We didn’t receive the goods     | didn't receive          | didn’t receive",
                "We did not receive the goods    | didn't receive          | did not receive",
                "We didn't receive the goods     | not received            | didn't receive",
                "Parts can't be used             | cannot be used          | can't be used",
                "Parts cannot be used            | can not be used         | cannot be used",
                "Parts can not be used           | can't be used           | can not be used",
                "They won't refund us            | will not refund         | won't refund",
                "It isn't what we ordered        | is not what we ordered  | isn't what we ordered",
        })
        void expandsEnglishNegativeContractions(String text, String cue, String matched) {
            CueHit hit = CustomerText.of(text).cue(cue);
            assertThat(hit).isNotNull();
            assertThat(hit.getMatchedText()).isEqualTo(matched);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "facturés 2 fois         | facturé deux fois",
                "facturé deux fois       | facturé 2 fois",
                "il manque trois cartons | il manque 3 cartons",
                "charged two times       | charged 2 times",
                "10 palettes             | dix palettes",
                "ten pallets             | 10 pallets",
                "cinq colis              | five colis",
        })
        void readsNumberWordsAsDigits(String text, String cue) {
            assertThat(CustomerText.of(text).mentions(cue)).isTrue();
        }

        @Test
        void doesNotReadUnAsOne() {
            assertThat(CustomerText.of("un colis manquant").mentions("1 colis manquant")).isFalse();
            assertThat(CustomerText.of("1 colis manquant").mentions("un colis manquant")).isFalse();
        }
    }

    @Nested
    class Stemming {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "on nous a facturés          | facturé",
                "facturation en double       | facture",
                "factures en double          | facturer",
                "commande livrée hier        | livré",
                "à livrer demain             | livrés",
                "ABIMÉES à l'arrivée         | abîmé",
                "carton endommagée           | endommagé",
                "vitres cassées              | cassé",
                "pièce casse                 | cassé",
                "produits manquants          | manque",
                "il manque des pièces        | manquer",
                "livraison partielle         | livraison partiel",
                "pièces défectueuses         | défectueux",
                "items damaged in transit    | damage",
                "we were billed twice        | billing",
                "bills are wrong             | bill",
                "charged twice               | charge twice",
                "what we ordered             | orders",
                "deliveries were late        | delivered ... late",
                "the delivery is late        | deliver ... late",
                "item missing                | miss",
                "shipped to the wrong site   | shipping",
                "quality issue               | qualities issue",
                "livraisons en retard        | livraison en retard",
        })
        void matchesAcrossInflections(String text, String cue) {
            assertThat(CustomerText.of(text).mentions(cue)).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "montant encaissé deux fois   | cassé",
                "le prix est faux             | pris",
                "a billion units              | bill",
                "livraison en retard          | livre",
                "livraison en retard          | livré",
                "the screen is broken         | broke",
                "la mission est annulée       | miss",
                "fracture du boîtier          | facture",
        })
        void keepsUnrelatedWordsApart(String text, String cue) {
            assertThat(CustomerText.of(text).mentions(cue)).isFalse();
        }

        @Test
        void brokenMatchesOnlyBroken() {
            assertThat(CustomerText.of("screen broken").mentions("broken")).isTrue();
            assertThat(CustomerText.of("screen broke").mentions("broken")).isFalse();
        }

        @Test
        void matchesWholeWordsOnlyNeverSubstrings() {
            assertThat(CustomerText.of("refacturation").mentions("facturation")).isFalse();
            assertThat(CustomerText.of("cassérole").mentions("cassé")).isFalse();
        }
    }

    @Nested
    class Wildcards {

        @Test
        void starIsExactlyOneWord() {
            assertThat(CustomerText.of("facturé deux fois").mentions("facturé * fois")).isTrue();
            assertThat(CustomerText.of("facturé fois").mentions("facturé * fois")).isFalse();
            assertThat(CustomerText.of("facturé la même fois").mentions("facturé * fois")).isFalse();
            assertThat(CustomerText.of("facturé la même fois").mentions("facturé * * fois")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "colis abîmé",
                "colis arrivé abîmé",
                "colis arrivé chez nous abîmé",
                "colis arrivé chez nous complètement abîmé",
        })
        void gapAcceptsZeroToFourWords(String text) {
            assertThat(CustomerText.of(text).mentions("colis ... abîmé")).isTrue();
            assertThat(CustomerText.of(text).mentions("colis … abîmé")).isTrue();
            assertThat(CustomerText.of(text).mentions("colis....abîmé")).isTrue();
        }

        @Test
        void gapRejectsFiveWords() {
            CustomerText t = CustomerText.of("colis arrivé chez nous hier complètement abîmé");
            assertThat(t.mentions("colis ... abîmé")).isFalse();
            assertThat(t.mentions("colis … abîmé")).isFalse();
            // Wildcards add up: one gap plus one star reaches five words.
            assertThat(t.mentions("colis ... * abîmé")).isTrue();
            assertThat(t.mentions("colis ... ... abîmé")).isTrue();
        }

        @Test
        void twoDotsAreJustPunctuation() {
            assertThat(CustomerText.of("colis arrivé abîmé").mentions("colis.. abîmé")).isFalse();
            assertThat(CustomerText.of("colis abîmé").mentions("colis.. abîmé")).isTrue();
        }

        @Test
        void backtracksWhenTheNearestCandidateLeadsNowhere() {
            String text = "colis abîmé a b c abîmé d retour";
            CueHit hit = CustomerText.of(text).cue("colis ... abîmé ... retour");
            assertThat(hit).isNotNull();
            assertThat(hit.getMatchedText()).isEqualTo(text);
        }

        @Test
        void reportsTheTightestMatchFromTheLeftmostStart() {
            CueHit hit = CustomerText.of("Colis abîmé, puis colis vraiment abîmé").cue("colis ... abîmé");
            assertThat(hit.getStart()).isZero();
            assertThat(hit.getMatchedText()).isEqualTo("Colis abîmé");
        }

        @ParameterizedTest
        @ValueSource(strings = {"* facture", "facture *", "... facture", "facture ...", "…facture", "facture …"})
        void mayNotStartOrEndWithAWildcard(String cue) {
            assertThatThrownBy(() -> CustomerText.of("facture").cue(cue))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(cue)
                    .hasMessageContaining("may not start or end with a wildcard");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "!!!", "« » - ;", "*", "...", "* ... *", "'"})
        void cueWithoutWordsIsRejected(String cue) {
            assertThatThrownBy(() -> CustomerText.of("facture").cue(cue))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cue \"" + cue + "\" has no words");
        }

        @Test
        void nullCueIsRejected() {
            assertThatThrownBy(() -> CustomerText.of("facture").cue(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("null");
        }

        @Test
        void invalidCueKeepsFailingOnLaterCalls() {
            CustomerText t = CustomerText.of("facture");
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> t.cue("facture *")).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Nested
    class Hits {

        @Test
        void matchedTextKeepsTheCustomersWordsCaseAndAccents() {
            String text = "Bonjour. Facturé la même commande deux fois !";
            CueHit hit = CustomerText.of(text).cue("facturé ... deux fois");
            assertThat(hit.getCue()).isEqualTo("facturé ... deux fois");
            assertThat(hit.getMatchedText()).isEqualTo("Facturé la même commande deux fois");
            assertThat(hit.getStart()).isEqualTo(9);
            assertThat(text.substring(hit.getStart())).startsWith(hit.getMatchedText());
        }

        @Test
        void offsetsSurviveLigaturesAndDecomposedAccentsBeforeTheMatch() {
            String text = "Œuvre cœur e\u0301te\u0301 — colis ABÎMÉS";
            CueHit hit = CustomerText.of(text).cue("colis abîmé");
            assertThat(hit.getStart()).isEqualTo(text.indexOf("colis"));
            assertThat(hit.getMatchedText()).isEqualTo("colis ABÎMÉS");
        }

        @Test
        void decomposedAccentAtTheEndOfAMatchIsKept() {
            String text = "colis abi\u0302me\u0301";
            assertThat(CustomerText.of(text).cue("colis abîmé").getMatchedText()).isEqualTo(text);
        }

        @Test
        void returnsTheFirstOccurrence() {
            String text = "livré cassé, puis re-livré CASSÉ";
            CueHit hit = CustomerText.of(text).cue("livré cassé");
            assertThat(hit.getStart()).isZero();
            assertThat(hit.getMatchedText()).isEqualTo("livré cassé");
            assertThat(CustomerText.of(text).cue("re livré cassé").getMatchedText()).isEqualTo("re-livré CASSÉ");
        }

        @Test
        void wordsMustBeConsecutiveWithoutWildcards() {
            CustomerText t = CustomerText.of("livré puis cassé");
            assertThat(t.mentions("livré cassé")).isFalse();
            assertThat(t.mentions("cassé livré")).isFalse();
        }

        @Test
        void sameCueOnSameTextGivesTheSameHitInstance() {
            CustomerText t = CustomerText.of("facturé deux fois");
            assertThat(t.cue("facturé deux fois")).isNotNull().isSameAs(t.cue("facturé deux fois"));
        }

        @Test
        void differentSpellingsOfACueGiveHitsReportingTheirOwnCue() {
            CustomerText t = CustomerText.of("facturés 2 fois");
            assertThat(t.cue("facturé deux fois").getCue()).isEqualTo("facturé deux fois");
            assertThat(t.cue("FACTURE 2 FOIS").getCue()).isEqualTo("FACTURE 2 FOIS");
        }

        @Test
        void toStringShowsCueMatchAndOffset() {
            CueHit hit = CustomerText.of("On a été facturés 2 fois").cue("facturé deux fois");
            assertThat(hit.toString()).contains("facturé deux fois", "facturés 2 fois", "9");
        }

        @Test
        void customerTextToStringDoesNotLeakTheText() {
            assertThat(CustomerText.of("secret client").toString()).doesNotContain("secret");
        }
    }

    @Nested
    class RealisticSentences {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "Bonjour, on a été facturés 2 fois pour la commande PO-4411 | facturé deux fois       | facturés 2 fois",
                "We were charged twice for PO 77                            | charged twice           | charged twice",
                "Il manque 3 cartons                                        | il manque               | Il manque",
                "la machine tombe en panne tous les jours                   | tombe en panne          | tombe en panne",
                "la machine tombe en panne tous les jours                   | tomber en panne         | tombe en panne",
                "la machine est tombée en panne hier                        | tomber en panne         | tombée en panne",
                "not what we ordered                                        | not what we ordered     | not what we ordered",
                "this is not what we had ordered                            | not what we ... ordered | not what we had ordered",
                "Bonjour, commande PO-4411 reçue incomplète                 | po 4411                 | PO-4411",
                "Le transporteur a livré la palette complètement écrasée    | livré ... écrasé        | livré la palette complètement écrasée",
        })
        void match(String text, String cue, String matched) {
            CueHit hit = CustomerText.of(text).cue(cue);
            assertThat(hit).as("%s in %s", cue, text).isNotNull();
            assertThat(hit.getMatchedText()).isEqualTo(matched);
            assertThat(hit.getStart()).isEqualTo(text.indexOf(matched));
        }

        @Test
        void consecutiveCueDoesNotSkipWords() {
            assertThat(CustomerText.of("this is not what we had ordered").mentions("not what we ordered")).isFalse();
        }
    }

    @Nested
    class Credits {

        private final CustomerText text = CustomerText.of("On a été facturés deux fois, et le colis est abîmé");

        @Test
        void creditRecordsWeightOne() {
            CueHit hit = text.cue("facturé deux fois");
            text.credit(hit, "DUPLICATE_INVOICE");
            assertThat(text.credits()).singleElement().satisfies(c -> {
                assertThat(c.hit()).isSameAs(hit);
                assertThat(c.getHit()).isSameAs(hit);
                assertThat(c.subCause()).isEqualTo("DUPLICATE_INVOICE");
                assertThat(c.getSubCause()).isEqualTo("DUPLICATE_INVOICE");
                assertThat(c.weight()).isEqualTo(1.0);
                assertThat(c.getWeight()).isEqualTo(1.0);
            });
        }

        @Test
        void weighSetsTheWeightOfThatCredit() {
            CueHit hit = text.cue("facturé deux fois");
            text.credit(hit, "DUPLICATE_INVOICE");
            text.weigh(hit, 2);
            assertThat(text.credits()).extracting(CueCredit::weight).containsExactly(2.0);
            text.weigh(hit, new BigDecimal("2.5"));
            assertThat(text.credits()).extracting(CueCredit::weight).containsExactly(2.5);
            text.weigh(hit, 0);
            assertThat(text.credits()).extracting(CueCredit::weight).containsExactly(0.0);
        }

        @Test
        void twoRulesCreditingTheSameHitGetTwoCreditsAndWeighTouchesOnlyTheLatest() {
            // Two rules on the same cue: Drools hands both the same memoised hit instance.
            CueHit first = text.cue("facturé deux fois");
            text.credit(first, "DUPLICATE_INVOICE");
            text.weigh(first, 3);
            CueHit second = text.cue("facturé deux fois");
            text.credit(second, "BILLING_ERROR");
            text.weigh(second, 2);
            assertThat(text.credits())
                    .extracting(CueCredit::subCause, CueCredit::weight)
                    .containsExactly(tuple("DUPLICATE_INVOICE", 3.0), tuple("BILLING_ERROR", 2.0));
        }

        @Test
        void weighFindsTheHitByIdentityPastLaterCreditsOfOtherHits() {
            CueHit invoice = text.cue("facturé deux fois");
            CueHit damage = text.cue("colis ... abîmé");
            text.credit(invoice, "DUPLICATE_INVOICE");
            text.credit(damage, "DAMAGED_GOODS");
            text.weigh(invoice, 4);
            assertThat(text.credits())
                    .extracting(CueCredit::subCause, CueCredit::weight)
                    .containsExactly(tuple("DUPLICATE_INVOICE", 4.0), tuple("DAMAGED_GOODS", 1.0));
        }

        @Test
        void nullWeightLeavesOne() {
            CueHit hit = text.cue("facturé deux fois");
            text.credit(hit, "DUPLICATE_INVOICE");
            text.weigh(hit, null);
            assertThat(text.credits()).extracting(CueCredit::weight).containsExactly(1.0);
        }

        @ParameterizedTest
        @ValueSource(doubles = {-1, -0.001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void invalidWeightIsRejectedAndLeavesTheCreditAlone(double weight) {
            CueHit hit = text.cue("facturé deux fois");
            text.credit(hit, "DUPLICATE_INVOICE");
            assertThatThrownBy(() -> text.weigh(hit, weight))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("weight must be a finite number >= 0")
                    .hasMessageContaining("facturé deux fois");
            assertThat(text.credits()).extracting(CueCredit::weight).containsExactly(1.0);
        }

        @Test
        void weighWithoutCreditIsARuleBug() {
            CueHit hit = text.cue("facturé deux fois");
            assertThatThrownBy(() -> text.weigh(hit, 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("before credit");
        }

        @Test
        void weighUsesIdentityNotEquality() {
            CueHit mine = text.cue("facturé deux fois");
            CueHit lookalike = CustomerText.of("On a été facturés deux fois").cue("facturé deux fois");
            text.credit(mine, "DUPLICATE_INVOICE");
            assertThatThrownBy(() -> text.weigh(lookalike, 2)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void creditRejectsMissingHitOrSubCause() {
            CueHit hit = text.cue("facturé deux fois");
            assertThatThrownBy(() -> text.credit(null, "X")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> text.credit(hit, " ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> text.credit(hit, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> text.weigh(null, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(text.credits()).isEmpty();
        }

        @Test
        void creditsAreAnUnmodifiableLiveViewInCreditOrder() {
            List<CueCredit> view = text.credits();
            CueHit hit = text.cue("colis est abîmé");
            text.credit(hit, "A");
            text.credit(hit, "B");
            assertThat(view).extracting(CueCredit::subCause).containsExactly("A", "B");
            assertThatThrownBy(() -> view.add(new CueCredit(hit, "C", 1)))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(view::clear).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void creditsBelongToTheirOwnText() {
            CueHit hit = text.cue("colis est abîmé");
            text.credit(hit, "DAMAGED_GOODS");
            assertThat(CustomerText.of("On a été facturés deux fois, et le colis est abîmé").credits()).isEmpty();
        }
    }

    @Nested
    class LargeText {

        private static final String[] FILLER = {
                "bonjour", "merci", "nous", "avons", "bien", "votre", "message", "concernant", "le",
                "dossier", "client", "semaine", "prochaine", "cordialement", "équipe", "support", "the",
                "team", "will", "check", "again", "tomorrow", "palette", "carton", "entrepôt", "Lyon",
        };

        @Test
        void threeHundredCuesOnTwentyThousandCharsStayCorrect() {
            Random random = new Random(42);
            StringBuilder sb = new StringBuilder();
            Map<Integer, Integer> plantedAt = new LinkedHashMap<>();
            for (int i = 0; i < 150; i++) {
                appendFiller(sb, random, 10 + random.nextInt(10));
                plantedAt.put(i, sb.length());
                sb.append("REF").append(i).append("X facturée la même commande deux fois. ");
            }
            while (sb.length() < 20_000) {
                appendFiller(sb, random, 20);
            }
            String raw = sb.toString();
            assertThat(raw.length()).isGreaterThanOrEqualTo(20_000);

            Map<String, String> expectedMatch = new LinkedHashMap<>();
            Map<String, Integer> expectedStart = new LinkedHashMap<>();
            List<String> absent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String cue = "ref" + i + "x facturé ... deux fois";
                expectedMatch.put(cue, "REF" + i + "X facturée la même commande deux fois");
                expectedStart.put(cue, plantedAt.get(i));
            }
            for (int i = 100; i < 150; i++) {
                String cue = "REF" + i + "X * la même commande";
                expectedMatch.put(cue, "REF" + i + "X facturée la même commande");
                expectedStart.put(cue, plantedAt.get(i));
            }
            for (int i = 150; i < 250; i++) {
                absent.add("ref" + i + "x facturé"); // never planted
            }
            for (int i = 0; i < 50; i++) {
                absent.add("ref" + i + "x deux fois"); // words present, never adjacent
            }
            assertThat(expectedMatch.size() + absent.size()).isEqualTo(300);

            CustomerText text = CustomerText.of(raw);
            for (int round = 0; round < 2; round++) { // second round exercises the memoised path
                expectedMatch.forEach((cue, matched) -> {
                    CueHit hit = text.cue(cue);
                    assertThat(hit).as(cue).isNotNull();
                    assertThat(hit.getMatchedText()).as(cue).isEqualTo(matched);
                    assertThat(hit.getStart()).as(cue).isEqualTo(expectedStart.get(cue));
                });
                absent.forEach(cue -> assertThat(text.cue(cue)).as(cue).isNull());
            }
            assertThat(text.cue("cordialement").getStart()).isEqualTo(raw.indexOf("cordialement"));
            assertThat(text.cue("commande deux fois").getStart()).isEqualTo(raw.indexOf("commande deux fois"));
        }

        private void appendFiller(StringBuilder sb, Random random, int words) {
            for (int w = 0; w < words; w++) {
                sb.append(FILLER[random.nextInt(FILLER.length)]).append(w % 7 == 6 ? ", " : " ");
            }
        }
    }
}
