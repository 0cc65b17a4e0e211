package fr.litiges.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypoToleranceTest {

    private static final Set<String> VOCABULARY = Set.of("facture", "livraison", "commande", "livrer", "tresorerie", "palette",
            "palettes", "technicien", "prestation", "echeancier", "defectueux", "incomplete", "manquant", "manquante", "doublon",
            "invoice", "delivery", "delivered", "charged", "shipment", "defective", "ordered");

    @Test
    void correctsOneTypoInALongWordToTheSingleNearWord() {
        TypoTolerance typos = new TypoTolerance(VOCABULARY);

        assertThat(typos.correction("factrue")).isEqualTo("facture");
        assertThat(typos.correction("livrasion")).isEqualTo("livraison");
        assertThat(typos.correction("comande")).isEqualTo("commande");
        assertThat(typos.correction("tresoreire")).isEqualTo("tresorerie");
        assertThat(typos.correction("shippment")).isEqualTo("shipment");
    }

    @Test
    void leavesKnownShortFarAndAmbiguousWordsAlone() {
        TypoTolerance typos = new TypoTolerance(VOCABULARY);

        assertThat(typos.correction("facture")).isNull();
        assertThat(typos.correction("factu")).isNull();
        assertThat(typos.correction("perret")).isNull();
        assertThat(typos.correction("gacture")).as("the first letter is never corrected").isNull();
        // one letter from both "manquant" and "manquante"
        assertThat(typos.correction("manquantx")).isNull();
        assertThat(typos.correction("palettex")).isNull();
    }

    @Test
    void findsWhatComparingEveryDeletionAsAStringFinds() {
        TypoTolerance typos = new TypoTolerance(VOCABULARY);
        Map<String, String> deletions = deletions();
        Random random = new Random(6);
        List<String> words = new ArrayList<>();
        for (String word : VOCABULARY) {
            for (int i = 0; i <= word.length(); i++) {
                for (char c = 'a'; c <= 'z'; c++) {
                    words.add(word.substring(0, i) + c + word.substring(i));
                    if (i < word.length()) {
                        words.add(word.substring(0, i) + c + word.substring(i + 1));
                    }
                }
                if (i < word.length()) {
                    words.add(word.substring(0, i) + word.substring(i + 1));
                }
                if (i + 1 < word.length()) {
                    words.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
                }
            }
        }
        for (int k = 0; k < 5_000; k++) {
            StringBuilder word = new StringBuilder();
            for (int length = 6 + random.nextInt(8); word.length() < length; ) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        int corrected = 0;
        for (String word : words) {
            String expected = byStrings(deletions, word);
            assertThat(typos.correction(word)).as(word).isEqualTo(expected);
            corrected += expected == null ? 0 : 1;
        }
        assertThat(corrected).isGreaterThan(1_000);
    }

    /** The look-up as first written: a string made for every deletion, searched in a hash map. */
    private static String byStrings(Map<String, String> deletions, String word) {
        if (word.length() < TypoTolerance.MIN_LENGTH || VOCABULARY.contains(word)) {
            return null;
        }
        String found = null;
        for (int i = 1; i <= word.length(); i++) {
            String deleted = i == word.length() ? word : word.substring(0, i) + word.substring(i + 1);
            String candidate = deletions.get(deleted);
            if (candidate == null) {
                continue;
            }
            found = found == null || found.equals(candidate) ? candidate : "";
        }
        return found == null || found.isEmpty() ? null : found;
    }

    private static Map<String, String> deletions() {
        Map<String, String> deletions = new HashMap<>();
        for (String word : VOCABULARY) {
            if (word.length() >= TypoTolerance.MIN_LENGTH) {
                deletions.merge(word, word, (a, b) -> a.equals(b) ? a : "");
                for (int i = 1; i < word.length(); i++) {
                    deletions.merge(word.substring(0, i) + word.substring(i + 1), word, (a, b) -> a.equals(b) ? a : "");
                }
            }
        }
        return deletions;
    }
}
