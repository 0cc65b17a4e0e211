package fr.litiges.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.CharsRefBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reading of a customer's text gives the words and positions Lucene's own chain gives:
 * standard tokenizer, the analysis, then {@link SynonymGraphFilter} keeping the original words.
 */
class CustomerWordsTest {
    private static final List<String[]> SYNONYMS = List.of(
            new String[] {"BL", "bon de livraison"}, new String[] {"bon de livraison", "livraison"},
            new String[] {"DOA", "dead on arrival"}, new String[] {"purchase order", "order"},
            new String[] {"shipped short", "short shipment"}, new String[] {"short delivery", "short shipment"},
            new String[] {"cde", "commande"}, new String[] {"credit memo", "avoir"});

    private static final TextRules RULES = rules();

    private static TextRules rules() {
        TextRules.Builder builder = TextRules.builder("t.xlsx").concept(5, "LIVRE", List.of("livraison", "delivery"))
                .pattern(5, "INCOMPLETE_DELIVERY", List.of("LIVRE"), 1, false, 1);
        int row = 5;
        for (String[] synonym : SYNONYMS) {
            builder.synonym(row++, List.of(synonym[0]), synonym[1]);
        }
        TextRules.Reading reading = builder.build();
        assertThat(reading.problems()).isEmpty();
        return reading.rules();
    }

    /** The reference: Lucene's chain with the synonym graph filter at its end. */
    private static List<String> lucene(String text) throws IOException {
        WordsAnalyzer plain = new WordsAnalyzer(null, null);
        SynonymMap.Builder map = new SynonymMap.Builder(true);
        for (String[] synonym : SYNONYMS) {
            map.add(join(TextRules.terms(plain, synonym[0])), join(TextRules.terms(plain, synonym[1])), true);
        }
        SynonymMap synonyms = map.build();
        Analyzer withSynonyms = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return plain;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(components.getSource(), new SynonymGraphFilter(components.getTokenStream(), synonyms, true));
            }
        };
        List<String> words = new ArrayList<>();
        try (TokenStream stream = withSynonyms.tokenStream("t", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                words.add(term + "@" + Math.max(position, 0));
            }
            stream.end();
        }
        return words;
    }

    private static org.apache.lucene.util.CharsRef join(List<String> words) {
        return SynonymMap.Builder.join(words.toArray(String[]::new), new CharsRefBuilder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"le BL du colis arrivé hier", "le bon de de livraison le colis", "DOA unit received",
            "a purchase order was", "shipped short again", "it was short-shipped twice", "shipped short delivery",
            "colis le le BL le le colis", "credit le credit memo", "bon bon livraison", "BL le BL",
            "l’article n’est pas là, qu'il dit", "Objet:facture 12/03 CDE-7781 v1.2 3,5 kg B.L. l'avoir données_client",
            "Ça n’a RIEN à voir : la cde n°45 est incomplète !"})
    void readsTheWordsAndPositionsLuceneGives(String text) throws IOException {
        assertThat(RULES.analysedWords(text)).isEqualTo(lucene(text));
    }
}
