package fr.litiges.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    /** A small table in the analysts' shape: concepts, one synonym, patterns. */
    private static TextRules.Builder table() {
        return TextRules.builder("decision-tables/causes.xlsx")
                .concept(5, "NEGATION", List.of("pas", "aucun", "not", "no", "never", "didn't"))
                .concept(6, "CONTRASTE", List.of("mais", "par contre", "but"))
                .concept(7, "POSITIF", List.of("fine", "parfait"))
                .concept(8, "FACTURE", List.of("facture", "facturé", "invoice", "invoiced"))
                .concept(9, "DEUX_FOIS", List.of("deux fois", "twice"))
                .concept(10, "LIVRE", List.of("livré", "livraison", "delivered"))
                .concept(11, "PAS_ENCORE", List.of("pas encore", "not yet"))
                .concept(12, "CASSE", List.of("cassé", "abîmé", "broken", "damaged"))
                .concept(13, "TRESORERIE", List.of("trésorerie", "cash flow"))
                .concept(14, "PRIX", List.of("prix", "tarif", "price"))
                .concept(15, "CONVENU", List.of("convenu", "agreed"))
                .concept(16, "COMMANDE", List.of("commande"))
                .synonym(5, List.of("BL"), "bon de livraison")
                .pattern(5, "DUPLICATE_INVOICE", List.of("FACTURE", "DEUX_FOIS"), 6, true, 2)
                .pattern(6, "INVOICED_BEFORE_DELIVERY", List.of("PAS_ENCORE", "LIVRE"), 4, false, 1)
                .pattern(7, "DEFECTIVE_PRODUCT", List.of("CASSE"), 1, true, 1)
                .pattern(8, "CASH_FLOW_DIFFICULTY", List.of("TRESORERIE"), 1, true, 1)
                .pattern(9, "PRICE_DISAGREEMENT", List.of("PRIX", "CONVENU"), 8, false, 1)
                .pattern(10, "INCOMPLETE_DELIVERY", List.of("LIVRE", "COMMANDE"), 3, true, 1);
    }

    private static final TextRules RULES = build();

    private static TextRules build() {
        TextRules.Reading reading = table().build();
        assertThat(reading.problems()).isEmpty();
        return reading.rules();
    }

    private static List<String> subCauses(String text) {
        return RULES.match(text).stream().map(PatternMatch::subCause).toList();
    }

    @Nested
    class Analysis {
        @Test
        void caseAccentsPluralsAndElisionDoNotMatter() {
            assertThat(subCauses("ON A ÉTÉ FACTURÉS DEUX FOIS")).containsExactly("DUPLICATE_INVOICE");
            assertThat(subCauses("on a ete factures deux fois")).containsExactly("DUPLICATE_INVOICE");
            assertThat(subCauses("les produits sont abimes")).containsExactly("DEFECTIVE_PRODUCT");
            assertThat(subCauses("l'invoice was sent twice")).containsExactly("DUPLICATE_INVOICE");
        }

        @Test
        void oneTypoInALongWordIsTolerated() {
            assertThat(subCauses("votre factrue est arrivée deux fois")).containsExactly("DUPLICATE_INVOICE");
            assertThat(subCauses("la livrasion n'est pas encore arrivée")).containsExactly("INVOICED_BEFORE_DELIVERY");
            assertThat(subCauses("problème de trésoreire")).containsExactly("CASH_FLOW_DIFFICULTY");
        }

        @Test
        void shortWordsAndTwoTyposAreNotGuessed() {
            // "prox" is one letter from "prix" but too short to guess; "fcatrue" is two edits away.
            assertThat(subCauses("le prox convenu")).isEmpty();
            assertThat(subCauses("fcatrue deux fois")).isEmpty();
        }

        @Test
        void aSynonymReadsJargonAsTheConceptsWords() {
            assertThat(RULES.analysedWords("BL")).contains("livraison@1");
            assertThat(subCauses("BL pas encore arrivé")).containsExactly("INVOICED_BEFORE_DELIVERY");
        }

        @Test
        void stopWordsCountInTheWindowButNotInAPhrase() {
            assertThat(subCauses("le prix de la commande qui avait été convenu")).containsExactly("PRICE_DISAGREEMENT");
            assertThat(subCauses("le prix, contrairement à ce qui est écrit sur le site et dans la brochure, était convenu")).isEmpty();
        }
    }

    @Nested
    class Scope {
        @Test
        void aNegatedConceptDoesNotCount() {
            assertThat(subCauses("Ce n'est pas un problème de trésorerie.")).isEmpty();
            assertThat(subCauses("The parcel was not damaged.")).isEmpty();
        }

        @Test
        void theOtherSideOfAContrastCounts() {
            assertThat(subCauses("Ce n'est pas la trésorerie, mais le colis est cassé")).containsExactly("DEFECTIVE_PRODUCT");
            assertThat(subCauses("This is not about our cash flow: the goods arrived broken.")).containsExactly("DEFECTIVE_PRODUCT");
        }

        @Test
        void aClauseGrantedBeforeAContrastDoesNotCount() {
            assertThat(subCauses("Aucun souci sur le produit cassé la dernière fois, par contre le prix n'est pas celui convenu"))
                    .containsExactly("PRICE_DISAGREEMENT");
            assertThat(subCauses("The price is fine and as agreed, but two units are broken")).containsExactly("DEFECTIVE_PRODUCT");
        }

        @Test
        void aPhraseDoesNotRunOverAFullStop() {
            assertThat(subCauses("Two lines. Cash flow is fine.")).containsExactly("CASH_FLOW_DIFFICULTY");
            assertThat(subCauses("We are short on cash. Flow of goods is fine.")).isEmpty();
        }

        @Test
        void aPatternDoesNotSpanTwoSentences() {
            assertThat(subCauses("Voici la facture. Nous l'avons payée deux fois par erreur ? Non.")).isEmpty();
        }

        @Test
        void quotedMessagesAndSignaturesAreLeftOut() {
            String reply = """
                    Bonjour,
                    le prix n'est toujours pas celui convenu.
                    Cordialement,
                    Service trésorerie

                    Le 12 mars 2026 à 10:14, Service Client a écrit :
                    > Votre facture a été envoyée deux fois, le colis est cassé.
                    """;
            assertThat(subCauses(reply)).containsExactly("PRICE_DISAGREEMENT");
            String outlook = "The price is not the agreed one.\n-----Original Message-----\nFrom: Support\nYour invoice was sent twice.";
            assertThat(subCauses(outlook)).containsExactly("PRICE_DISAGREEMENT");
        }

        @Test
        void theCustomersWordsBelowATopQuoteCount() {
            String reply = "On Tue, 3 Mar 2026, Billing wrote:\n> Please find the invoice.\n\nThe goods arrived broken.";
            assertThat(subCauses(reply)).containsExactly("DEFECTIVE_PRODUCT");
        }
    }

    /** The same table with a PROBLEME concept and a few more rows, as the shipped sheets have them. */
    private static final TextRules WITH_PROBLEMS = table()
            .concept(17, "PROBLEME", List.of("souci", "problème", "issue"))
            .concept(18, "SERVICE", List.of("prestation", "work"))
            .concept(19, "INSATISFAIT", List.of("pas satisfaits", "décevante"))
            .concept(20, "REMISE", List.of("discount"))
            .concept(21, "ABSENT", List.of("missing"))
            .concept(22, "MANQUE", List.of("missing"))
            .concept(23, "AUTRE", List.of("pas celle", "pas celui"))
            .pattern(11, "UNSATISFACTORY_SERVICE", List.of("SERVICE", "INSATISFAIT"), 6, true, 1)
            .pattern(12, "PRICE_DISAGREEMENT", List.of("REMISE", "ABSENT"), 6, false, 1)
            .pattern(13, "INCOMPLETE_DELIVERY", List.of("MANQUE"), 1, true, 1)
            .pattern(14, "ORDER_MISMATCH", List.of("LIVRE", "AUTRE", "COMMANDE"), 8, true, 1)
            .build().rules();

    private static List<String> tuned(String text) {
        return WITH_PROBLEMS.match(text).stream().map(PatternMatch::subCause).toList();
    }

    @Nested
    class NegationAndConcession {
        @Test
        void onlyAClauseDenyingAProblemOrSayingWhatIsFineIsConceded() {
            assertThat(tuned("Aucun souci sur le produit cassé la dernière fois, par contre le prix n'est pas celui convenu"))
                    .containsExactly("PRICE_DISAGREEMENT");
            // "pas encore livrée" is the complaint, not a concession: it counts, and so does the other side.
            assertThat(tuned("La marchandise n'est pas encore livrée, mais la facture est arrivée deux fois"))
                    .containsExactlyInAnyOrder("INVOICED_BEFORE_DELIVERY", "DUPLICATE_INVOICE");
            // a positive word under a negation grants nothing either
            assertThat(tuned("Pas parfait du tout, la livraison pas encore là, mais la facture est arrivée"))
                    .containsExactly("INVOICED_BEFORE_DELIVERY");
        }

        @Test
        void aProblemDeniedOutrightSetsItsClauseAsideWithoutAContrast() {
            assertThat(tuned("This is not a pricing issue, the price is what we agreed.")).isEmpty();
            assertThat(tuned("This is not a pricing issue. The price is what we agreed.")).containsExactly("PRICE_DISAGREEMENT");
            // a negation further from the problem word is a complaint, not a denial
            assertThat(tuned("Nous n'avons pas eu de suite à notre souci, le prix convenu n'est pas appliqué"))
                    .containsExactly("PRICE_DISAGREEMENT");
        }

        @Test
        void aConditionStatesNoFact() {
            TextRules rules = table().concept(17, "CONDITION", List.of("tant que", "until")).build().rules();
            assertThat(rules.match("Nous ne réglerons pas tant que la marchandise n'est pas encore livrée")).isEmpty();
            assertThat(rules.match("We will hold the invoice until the goods are delivered twice")).isEmpty();
            // the condition ends with its clause
            assertThat(rules.match("Nous attendons tant que possible. La marchandise n'est pas encore livrée"))
                    .extracting(PatternMatch::subCause).containsExactly("INVOICED_BEFORE_DELIVERY");
        }

        @Test
        void aPatternOfNoCauseSetsAsideTheShorterReadingsOfItsWords() {
            TextRules rules = table()
                    .concept(17, "TECHNICIEN", List.of("technicien", "engineer"))
                    .concept(18, "VENU", List.of("passé", "came"))
                    .pattern(11, "AUCUNE", List.of("TECHNICIEN", "VENU", "CASSE"), 8, false, 0)
                    .build().rules();
            assertThat(rules.match("Le technicien est passé pour le moteur cassé")).isEmpty();
            assertThat(rules.match("Le moteur est cassé")).extracting(PatternMatch::subCause).containsExactly("DEFECTIVE_PRODUCT");
        }

        @Test
        void aConceptWordNombreStandsForAnyNumberInDigits() {
            TextRules rules = table()
                    .concept(17, "NOMBRE", List.of("<nombre>", "three"))
                    .concept(18, "EN_MOINS", List.of("short"))
                    .concept(19, "DEUX_FOIS", List.of("2 fois"))
                    .pattern(11, "INCOMPLETE_DELIVERY", List.of("NOMBRE", "EN_MOINS"), 3, true, 1)
                    .build().rules();
            assertThat(rules.match("We are 400 m short")).extracting(PatternMatch::quote).containsExactly("400 m short");
            assertThat(rules.match("We are 1,150 short")).hasSize(1);
            assertThat(rules.match("We are three boxes short")).hasSize(1);
            assertThat(rules.match("At short notice, v2 broke")).isEmpty();
            // a number that also starts an entry ("2 fois") keeps both readings
            assertThat(rules.match("Facturé 2 fois, 2 short")).extracting(PatternMatch::subCause)
                    .containsExactlyInAnyOrder("DUPLICATE_INVOICE", "INCOMPLETE_DELIVERY");
        }

        @Test
        void aPhraseHoldingItsOwnNegationIsNotNegatedAgain() {
            assertThat(tuned("Nous ne sommes pas satisfaits de la prestation de maintenance")).containsExactly("UNSATISFACTORY_SERVICE");
            assertThat(tuned("La couleur livrée n'est pas celle commandée")).containsExactly("ORDER_MISMATCH");
            assertThat(tuned("La prestation n'était pas décevante")).isEmpty();
        }

        @Test
        void theFullerReadingOfTheSameWordsWins() {
            assertThat(tuned("The discount we negotiated is missing, total too high.")).containsExactly("PRICE_DISAGREEMENT");
            assertThat(tuned("Two cartons are missing.")).containsExactly("INCOMPLETE_DELIVERY");
        }
    }

    /** Numbers read as quantities or not, quantities compared, and what is only a point in time. */
    @Nested
    class QuantitiesAndBackground {
        private TextRules quantities() {
            return table()
                    .concept(17, "NOMBRE", List.of("<nombre>", "huit", "two", "six", "deux", "trois"))
                    .concept(18, "ECART_QUANTITE", List.of("<écart>"))
                    .concept(19, "NON_QUANTITE", List.of("mai", "mm", "jours", "taille", "line"))
                    .concept(20, "COMPTE", List.of("compté", "compter"))
                    .concept(21, "AU_LIEU", List.of("au lieu de", "instead of"))
                    .pattern(11, "INCOMPLETE_DELIVERY", List.of("ECART_QUANTITE", "LIVRE"), 8, false, 1)
                    .pattern(12, "INCOMPLETE_DELIVERY", List.of("COMPTE", "NOMBRE"), 4, false, 1)
                    .pattern(13, "ORDER_MISMATCH", List.of("AU_LIEU", "COMMANDE"), 6, false, 1)
                    .pattern(14, "INCOMPLETE_DELIVERY", List.of("AU_LIEU", "ECART_QUANTITE", "COMMANDE"), 5, false, 1)
                    .build().rules();
        }

        @Test
        void twoDifferentQuantitiesCloseTogetherMakeAGap() {
            TextRules rules = quantities();
            assertThat(rules.match("Sur 50 chaises, 30 livrées")).extracting(PatternMatch::quote).containsExactly("30 livrées");
            assertThat(rules.match("8 of the 10 pallets were delivered")).extracting(PatternMatch::subCause).containsExactly("INCOMPLETE_DELIVERY");
            // numbers in words are compared too, but not inside another concept's phrase ("deux fois")
            assertThat(rules.match("Two of the six cartons were delivered")).hasSize(1);
            assertThat(rules.match("Livré deux fois, trois cartons")).isEmpty();
            // the same count twice is no gap
            assertThat(rules.match("12 portes commandées, 12 portes reçues")).isEmpty();
            // "1 000" is one number: a quantity against the ordered one, not another article
            assertThat(rules.match("Livraison de 940 m au lieu des 1 000 commandés")).extracting(PatternMatch::subCause)
                    .containsOnly("INCOMPLETE_DELIVERY");
            assertThat(rules.match("Livraison de 940 m au lieu des 1 000 commandés")).extracting(PatternMatch::quote).contains("lieu des 1 000 commandés");
        }

        @Test
        void datesTimesAmountsUnitsAndReferencesAreNoQuantities() {
            TextRules rules = quantities();
            assertThat(rules.match("Facture du 3 mai, livraison du 20 mai")).isEmpty();
            assertThat(rules.match("Reçu le 12/05 à 14:30")).isEmpty();
            assertThat(rules.match("Livré le 15, 30 cartons")).isEmpty();
            assertThat(rules.match("Delivered 40 mm bolts, 30 mm expected")).isEmpty();
            assertThat(rules.match("Factures 4402 et 4388 reçues")).isEmpty();
            assertThat(rules.match("Reçu 72 € au lieu de 58 €")).isEmpty();
            assertThat(rules.match("Taille 42 livrée, 44 attendue")).isEmpty();
            // a word beside a number only in the number's own clause
            assertThat(rules.match("Ordered 500, delivered 200. Line 4 is fine")).hasSize(1);
            // a number in words beside a time word is no quantity either: "à compter de" is not a count
            assertThat(rules.match("Sous huit jours à compter de la réception")).isEmpty();
            assertThat(rules.match("On a compté huit cartons")).hasSize(1);
        }

        @Test
        void theWordsRightAfterDepuisAreAPointInTime() {
            TextRules rules = table()
                    .concept(17, "DEPUIS", List.of("depuis"))
                    .concept(18, "PARTIEL", List.of("partielle"))
                    .pattern(11, "INCOMPLETE_DELIVERY", List.of("PARTIEL", "LIVRE"), 3, true, 2)
                    .build().rules();
            assertThat(rules.match("Depuis la livraison partielle de mars, la facture est arrivée deux fois"))
                    .extracting(PatternMatch::subCause).containsExactly("DUPLICATE_INVOICE");
            assertThat(rules.match("La livraison partielle de mars")).extracting(PatternMatch::subCause).containsExactly("INCOMPLETE_DELIVERY");
            // the background ends at a comma
            assertThat(rules.match("Depuis, la livraison partielle")).extracting(PatternMatch::subCause).containsExactly("INCOMPLETE_DELIVERY");
            assertThat(rules.match("Depuis la livraison, le moteur est cassé")).extracting(PatternMatch::subCause)
                    .containsExactly("DEFECTIVE_PRODUCT");
        }

        @Test
        void aNegationInsideAPhraseStaysWithIt() {
            TextRules rules = table()
                    .concept(17, "NEGATION", List.of("sans", "rien"))
                    .concept(18, "PRESTATION", List.of("technicien"))
                    .concept(19, "REALISE", List.of("venu"))
                    .concept(20, "RIEN_REPARE", List.of("rien réparé"))
                    .concept(24, "MAL_FAIT", List.of("reparti sans"))
                    .concept(21, "ERRONE", List.of("ne correspond pas"))
                    .concept(22, "CORRESPOND", List.of("correspond"))
                    .concept(23, "PAS_ENCORE", List.of("rien"))
                    .pattern(11, "INVOICED_BEFORE_DELIVERY", List.of("PRESTATION", "NEGATION", "REALISE"), 8, false, 1)
                    .pattern(12, "INVOICED_BEFORE_DELIVERY", List.of("PRESTATION", "PAS_ENCORE", "REALISE"), 8, false, 1)
                    .pattern(13, "UNSATISFACTORY_SERVICE", List.of("PRESTATION", "REALISE", "RIEN_REPARE"), 10, false, 2)
                    .pattern(14, "ORDER_MISMATCH", List.of("NEGATION", "CORRESPOND", "COMMANDE"), 6, false, 2)
                    .build().rules();
            assertThat(rules.match("Technicien venu hier, reparti sans rien réparer")).extracting(PatternMatch::subCause)
                    .containsExactly("UNSATISFACTORY_SERVICE");
            assertThat(rules.match("Le technicien n'est pas venu")).extracting(PatternMatch::subCause).containsExactly("INVOICED_BEFORE_DELIVERY");
            // a phrase that holds another word of the match keeps its negation for it
            assertThat(rules.match("La livraison ne correspond pas à la commande")).extracting(PatternMatch::subCause)
                    .containsExactly("ORDER_MISMATCH");
        }
    }

    @Nested
    class Matches {
        @Test
        void quoteTheCustomersWordsAsWrittenAndNameTheRows() {
            PatternMatch match = RULES.match("Bonjour, on a été FACTURÉS deux fois !").get(0);
            assertThat(match.quote()).isEqualTo("FACTURÉS deux fois");
            assertThat(match.weight()).isEqualTo(2.0);
            assertThat(match.pattern()).isEqualTo(new PatternMatch.TableRow("decision-tables/causes.xlsx", "Motifs de texte", 5));
            assertThat(match.pattern().ruleId()).isEqualTo("Motifs de texte_5");
            assertThat(match.concepts()).containsExactly("FACTURE (Concepts, row 8: «facture» as «FACTURÉS»)",
                    "DEUX_FOIS (Concepts, row 9: «deux fois» as «deux fois»)");
        }

        @Test
        void eachSeparatePlaceIsOneMoreCue() {
            assertThat(subCauses("The box was damaged and two units are broken."))
                    .containsExactly("DEFECTIVE_PRODUCT", "DEFECTIVE_PRODUCT");
        }

        @Test
        void conceptsTooFarApartDoNotMakeThePattern() {
            assertThat(subCauses("la facture du mois de mars pour le chantier de Lyon a été envoyée deux fois")).isEmpty();
        }

        @Test
        void emptyTextsMatchNothing() {
            assertThat(RULES.match(null)).isEmpty();
            assertThat(RULES.match("  ")).isEmpty();
            assertThat(TextRules.EMPTY.match("facturé deux fois")).isEmpty();
        }
    }

    @Nested
    class AnalystsMistakes {
        @Test
        void anUnknownConceptIsReportedAtItsRow() {
            TextRules.Reading reading = table().pattern(20, "DEFECTIVE_PRODUCT", List.of("CASSEE"), 1, true, 1).build();
            assertThat(reading.problems()).singleElement()
                    .satisfies(p -> {
                        assertThat(p.sheet()).isEqualTo("Motifs de texte");
                        assertThat(p.row()).isEqualTo(20);
                        assertThat(p.message()).isEqualTo("le concept « CASSEE » n'est pas dans la feuille Concepts ; ajoutez-le ou corrigez son code");
                        assertThat(p.english()).contains("is not in sheet");
                    });
        }

        @Test
        void anUnknownSubCauseAWindowOrAWeightOutOfRangeAreReported() {
            TextRules.Reading reading = table()
                    .pattern(21, "BROKEN", List.of("CASSE"), 1, true, 1)
                    .pattern(22, "DEFECTIVE_PRODUCT", List.of("CASSE", "LIVRE"), 0, true, 1)
                    .pattern(23, "DEFECTIVE_PRODUCT", List.of("CASSE"), 1, true, -1)
                    .build();
            assertThat(reading.problems()).extracting(TextTableProblem::row).containsExactly(21, 22, 23);
            assertThat(reading.problems()).extracting(TextTableProblem::message).satisfiesExactly(
                    m -> assertThat(m).startsWith("sous-cause inconnue « BROKEN » ; valeurs possibles : "),
                    m -> assertThat(m).startsWith("la fenêtre doit compter de 1 à "),
                    m -> assertThat(m).startsWith("le poids doit être un nombre de 0 à 10"));
        }

        @Test
        void anEntryOfStopWordsOnlyIsReported() {
            TextRules.Reading reading = table().concept(30, "VIDE", List.of("de la")).build();
            assertThat(reading.problems()).singleElement().satisfies(p -> {
                assertThat(p.sheet()).isEqualTo("Concepts");
                assertThat(p.row()).isEqualTo(30);
                assertThat(p.message()).contains("« de la » du concept VIDE n'a que des mots que l'analyse ignore");
            });
        }
    }
}
