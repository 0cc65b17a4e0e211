package fr.litiges.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The matcher production uses ({@link TextRules}, built from the text sheets of causes.xlsx) on a
 * small fixture of concept, synonym and pattern rows with their IDs, against what the analysts'
 * guide documents (section 2, « Les mots du client »): windows, synonyms, one typo in longer
 * words only, negation and contrast, quoted messages and signatures, and matches that name
 * their rows. {@link TextRulesTest} covers the analysis details and the tables' mistakes.
 */
class TextRulesMatcherTest {
    private static final String SOURCE = "decision-tables/causes.xlsx";

    /** The fixture's rows; {@code invoiceWindow} is the window of the FACTURE + DEUX_FOIS pattern (MOT-001). */
    private static TextRules.Builder fixture(int invoiceWindow, boolean withSynonyms) {
        TextRules.Builder rules = TextRules.builder(SOURCE)
                .concept(5, "CON-001", "NEGATION", List.of("pas", "aucun", "not", "never", "jamais"))
                .concept(6, "CON-002", "CONTRASTE", List.of("mais", "par contre", "but"))
                .concept(7, "CON-003", "FACTURE", List.of("facture", "invoice"))
                .concept(8, "CON-004", "DEUX_FOIS", List.of("deux fois", "twice"))
                .concept(9, "CON-005", "CASSE", List.of("cassé", "broken", "damaged"))
                .concept(10, "CON-006", "LIVRAISON", List.of("livraison", "bon de livraison", "delivery"))
                .concept(11, "CON-007", "INCOMPLET", List.of("incomplet", "incomplete"))
                .concept(12, "CON-008", "COMMANDE", List.of("commande", "order"))
                .concept(13, "CON-009", "ERRONE", List.of("erronée", "wrong"))
                .concept(14, "CON-010", "TRESORERIE", List.of("trésorerie", "cash flow"))
                .concept(15, "CON-011", "PRIX", List.of("prix", "price"))
                .concept(16, "CON-012", "CONVENU", List.of("convenu", "agreed"))
                .pattern(5, "MOT-001", "DUPLICATE_INVOICE", List.of("FACTURE", "DEUX_FOIS"), invoiceWindow, true, 2)
                .pattern(6, "MOT-002", "DEFECTIVE_PRODUCT", List.of("CASSE"), 1, true, 1)
                .pattern(7, "MOT-003", "INCOMPLETE_DELIVERY", List.of("LIVRAISON", "INCOMPLET"), 4, true, 1)
                .pattern(8, "MOT-004", "ORDER_MISMATCH", List.of("COMMANDE", "ERRONE"), 4, true, 1)
                .pattern(9, "MOT-005", "CASH_FLOW_DIFFICULTY", List.of("TRESORERIE"), 1, true, 1)
                .pattern(10, "MOT-006", "PRICE_DISAGREEMENT", List.of("PRIX", "CONVENU"), 6, false, 1);
        if (withSynonyms) {
            rules.synonym(5, "SYN-001", List.of("BL"), "bon de livraison")
                    .synonym(6, "SYN-002", List.of("cde", "cmd"), "commande");
        }
        return rules;
    }

    private static TextRules rules(int invoiceWindow, boolean withSynonyms) {
        TextRules.Reading reading = fixture(invoiceWindow, withSynonyms).build();
        assertThat(reading.problems()).isEmpty();
        return reading.rules();
    }

    private static final TextRules RULES = rules(4, true);

    private static List<String> subCauses(TextRules rules, String text) {
        return rules.match(text).stream().map(PatternMatch::subCause).toList();
    }

    private static List<String> subCauses(String text) {
        return subCauses(RULES, text);
    }

    // ---------------------------------------------------------------- windows

    @Test
    void conceptsWithinThePatternsWindowMatchAndFartherApartDoNot() {
        assertThat(subCauses("la facture deux fois")).containsExactly("DUPLICATE_INVOICE");
        assertThat(subCauses("votre facture envoyée deux fois")).containsExactly("DUPLICATE_INVOICE");

        String farApart = "votre facture chantier Lyon mars avril envoyée relancée deux fois";
        assertThat(subCauses(farApart)).as("farther apart than 4 words").isEmpty();
        assertThat(subCauses(rules(12, true), farApart)).as("the same words, within a window of 12").containsExactly("DUPLICATE_INVOICE");
    }

    @Test
    void aPatternNeedsAllItsConceptsInOneSentence() {
        assertThat(subCauses("Voici la facture. Deux fois déjà que je vous écris.")).isEmpty();
    }

    // ---------------------------------------------------------------- synonyms

    @Test
    void aSynonymReadsTheCustomersJargonAsTheConceptsWords() {
        assertThat(subCauses("BL incomplet")).containsExactly("INCOMPLETE_DELIVERY");
        assertThat(subCauses("cde erronée")).containsExactly("ORDER_MISMATCH");
        assertThat(subCauses("cmd erronée")).containsExactly("ORDER_MISMATCH");

        TextRules withoutSynonyms = rules(4, false);
        assertThat(subCauses(withoutSynonyms, "BL incomplet")).as("without the synonym row").isEmpty();
        assertThat(subCauses(withoutSynonyms, "cde erronée")).isEmpty();
        assertThat(subCauses(withoutSynonyms, "livraison incomplète")).as("the concept's own words still count").containsExactly("INCOMPLETE_DELIVERY");
    }

    // ---------------------------------------------------------------- typos

    @Test
    void oneTypoIsToleratedInAWordOfAtLeastSixLetters() {
        assertThat(subCauses("le prix convenu")).containsExactly("PRICE_DISAGREEMENT");
        assertThat(subCauses("le prix comvenu")).as("one letter wrong").containsExactly("PRICE_DISAGREEMENT");
        assertThat(subCauses("le prix convneu")).as("two neighbours swapped").containsExactly("PRICE_DISAGREEMENT");
        assertThat(subCauses("votre factrue deux fois")).containsExactly("DUPLICATE_INVOICE");
        assertThat(subCauses("livraison incomplette")).as("one letter too many").containsExactly("INCOMPLETE_DELIVERY");
    }

    @Test
    void shortWordsTwoTyposAndAnotherFirstLetterAreNotGuessed() {
        assertThat(subCauses("le prox convenu")).as("« prix » is too short to guess").isEmpty();
        assertThat(subCauses("le prix cnvemu")).as("two edits away").isEmpty();
        assertThat(subCauses("le prix ponvenu")).as("another first letter").isEmpty();
    }

    // ---------------------------------------------------------------- negation and contrast

    @Test
    void aNegatedConceptDoesNotCountForANegationSensitivePattern() {
        assertThat(subCauses("The parcel was damaged.")).containsExactly("DEFECTIVE_PRODUCT");
        assertThat(subCauses("The parcel was not damaged.")).isEmpty();
        assertThat(subCauses("Ce n'est pas un problème de trésorerie.")).isEmpty();
    }

    @Test
    void aPatternNotSensitiveToNegationStillCountsUnderOne() {
        assertThat(subCauses("Le prix n'est pas celui convenu.")).containsExactly("PRICE_DISAGREEMENT");
    }

    @Test
    void theOtherSideOfAContrastCountsAndTheNegatedSideDoesNot() {
        assertThat(subCauses("Ce n'est pas la trésorerie, mais le colis est cassé.")).containsExactly("DEFECTIVE_PRODUCT");
        assertThat(subCauses("This is not about our cash flow, but the goods arrived broken.")).containsExactly("DEFECTIVE_PRODUCT");
        assertThat(subCauses("Le colis n'est pas cassé, mais la livraison est incomplète."))
                .containsExactly("INCOMPLETE_DELIVERY");
    }

    // ---------------------------------------------------------------- quoted messages and signatures

    @Test
    void aQuotedEarlierMessageWeighsLessThanTheCustomersOwnWords() {
        String reply = """
                Bonjour,
                le colis est cassé.

                Le 12 mars 2026 à 10:14, Service Client a écrit :
                > Votre facture envoyée deux fois.
                """;
        List<PatternMatch> matches = RULES.match(reply);

        assertThat(matches).filteredOn(m -> m.subCause().equals("DEFECTIVE_PRODUCT")).singleElement()
                .satisfies(own -> assertThat(own.weight()).isEqualTo(1.0));
        assertThat(matches).filteredOn(m -> m.subCause().equals("DUPLICATE_INVOICE"))
                .allSatisfy(quoted -> assertThat(quoted.weight()).as("quoted, the pattern of weight 2 weighs less").isLessThan(2.0));
        assertThat(subCauses("Votre facture envoyée deux fois.")).as("the same words unquoted").containsExactly("DUPLICATE_INVOICE");
    }

    @Test
    void aSignatureWeighsLessThanTheCustomersOwnWords() {
        String mail = """
                Bonjour,
                la commande est erronée.
                Cordialement,
                Service trésorerie
                """;
        List<PatternMatch> matches = RULES.match(mail);

        assertThat(matches).filteredOn(m -> m.subCause().equals("ORDER_MISMATCH")).singleElement()
                .satisfies(own -> assertThat(own.weight()).isEqualTo(1.0));
        assertThat(matches).filteredOn(m -> m.subCause().equals("CASH_FLOW_DIFFICULTY"))
                .allSatisfy(signature -> assertThat(signature.weight()).isLessThan(1.0));
    }

    // ---------------------------------------------------------------- what a match says

    @Test
    void aMatchNamesItsPatternRowItsConceptRowsAndQuotesTheCustomersWords() {
        PatternMatch match = RULES.match("Bonjour, votre FACTURE est arrivée deux fois !").get(0);

        assertThat(match.subCause()).isEqualTo("DUPLICATE_INVOICE");
        assertThat(match.weight()).isEqualTo(2.0);
        assertThat(match.quote()).isEqualTo("FACTURE est arrivée deux fois");
        assertThat(match.pattern()).isEqualTo(new PatternMatch.TableRow(SOURCE, "Motifs de texte", 5, "MOT-001"));
        assertThat(match.pattern().ruleId()).as("the ID names the row in the trace").isEqualTo("MOT-001");
        assertThat(match.concepts()).hasSize(2);
        assertThat(match.concepts().get(0)).contains("FACTURE", "CON-003", "row 7", "FACTURE");
        assertThat(match.concepts().get(1)).contains("DEUX_FOIS", "CON-004", "row 8", "deux fois");
    }

    @Test
    void aPatternFoundThroughASynonymNamesTheConceptRowItReached() {
        PatternMatch match = RULES.match("BL incomplet").get(0);

        assertThat(match.pattern().ruleId()).isEqualTo("MOT-003");
        assertThat(match.quote()).isEqualTo("BL incomplet");
        assertThat(match.concepts()).anySatisfy(concept -> assertThat(concept).contains("LIVRAISON", "CON-006", "row 10"));
    }
}
