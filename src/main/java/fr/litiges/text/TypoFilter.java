package fr.litiges.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/** Replaces a word one typo away from a concept word by that word ({@link TypoTolerance}). */
final class TypoFilter extends TokenFilter {
    private final TypoTolerance typos;
    private final boolean folding;
    private char[] folded = new char[64];
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    /** @param folding compare the word without its accents (before the folding filter of the chain) */
    TypoFilter(TokenStream input, TypoTolerance typos, boolean folding) {
        super(input);
        this.typos = typos;
        this.folding = folding;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword() && term.length() >= TypoTolerance.MIN_LENGTH && !hasDigit()) {
            String corrected = typos.correction(folding ? folded() : term.toString());
            if (corrected != null) {
                term.setEmpty().append(corrected);
            }
        }
        return true;
    }

    private String folded() {
        if (folded.length < term.length() * 4) {
            folded = new char[term.length() * 4];
        }
        int n = org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter.foldToASCII(term.buffer(), 0, folded, 0, term.length());
        return new String(folded, 0, n);
    }

    private boolean hasDigit() {
        char[] buffer = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            if (buffer[i] >= '0' && buffer[i] <= '9') {
                return true;
            }
        }
        return false;
    }
}
