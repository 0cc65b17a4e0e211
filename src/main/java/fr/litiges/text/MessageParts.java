package fr.litiges.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps what the customer wrote this time: earlier messages quoted below or above a reply
 * ("> ..." lines, "Le ... a écrit :", "On ... wrote:", "-----Original Message-----",
 * "De : ... Envoyé :") and the signature after a closing line ("Cordialement", "Regards", "--")
 * are blanked out. Blanking (rather than cutting) keeps every offset, so the quoted evidence is
 * still the customer's text as written.
 */
final class MessageParts {
    private MessageParts() {
    }

    private static final Pattern REPLY_HEADER = Pattern.compile(
            "^\\s*(?:le\\s.{3,120}\\sa\\s+[ée]crit\\s*:|on\\s.{3,120}\\swrote\\s*:|-{2,}\\s*(?:original message|message d'origine|forwarded message|message transf[ée]r[ée])\\s*-{2,}"
                    + "|(?:de|from)\\s*:.*|(?:envoy[ée]|sent)\\s*:.*)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern CLOSING = Pattern.compile(
            "^\\s*(?:(?:bien |tr[èe]s )?cordialement|bien [àa] vous|salutations(?: distingu[ée]es)?|sinc[èe]res salutations|cdlt|cdt|bàv|bav"
                    + "|(?:best|kind|warm)?\\s*regards|best|cheers|sincerely|yours (?:sincerely|faithfully)|thanks(?: and regards)?|many thanks"
                    + "|en vous remerciant(?: par avance)?|merci d'avance|merci par avance|--)\\s*[,.!]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The text with quoted messages and signatures replaced by spaces (same length). */
    static String ownWords(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        char[] out = text.toCharArray();
        boolean signature = false;
        boolean quotedBlock = false;
        boolean quotedByHeader = false;
        int start = 0;
        int n = text.length();
        // The next colon and the next "--" of the text (n when none): searched again only once passed.
        int colon = -1;
        int dashes = -1;
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            // The line's bounds without surrounding white space, as String.strip() would cut it, without copying it.
            int first = start;
            while (first < end && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            int last = end;
            while (last > first && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            boolean empty = first == last;
            if (colon < start) {
                colon = text.indexOf(':', start);
                colon = colon < 0 ? n : colon;
            }
            if (dashes < start) {
                dashes = text.indexOf("--", start);
                dashes = dashes < 0 ? n : dashes;
            }
            // A reply header has a colon or a row of dashes; most lines have neither.
            boolean mayBeReplyHeader = colon < end || dashes + 1 < end;
            boolean blank;
            if (!empty && text.charAt(first) == '>') {
                blank = true;
            } else if (mayBeReplyHeader && REPLY_HEADER.matcher(text).region(start, end).matches()) {
                // Everything after a reply header is the earlier message, unless it is quoted with
                // ">" and the customer's own words follow it (a top-quoted reply).
                quotedBlock = true;
                quotedByHeader = true;
                blank = true;
            } else if (quotedBlock) {
                blank = true;
                if (!empty && quotedByHeader && previousNonBlankWasQuoteMark(text, start)) {
                    // The "> " lines ended: the customer writes again below the quote.
                    quotedBlock = false;
                    signature = false;
                    blank = false;
                }
                quotedByHeader = quotedBlock && quotedByHeader;
            } else if (signature) {
                blank = true;
            } else if (!empty && last - first <= MAX_CLOSING && start > 0 && isClosing(text, first, last)) {
                signature = true;
                blank = true;
            } else {
                blank = false;
            }
            if (blank) {
                Arrays.fill(out, start, end, ' ');
            }
            start = end + 1;
        }
        return new String(out);
    }

    /** A closing line is short: longer lines are not worth the pattern. */
    private static final int MAX_CLOSING = 40;

    /**
     * The closing pattern on the stripped line. Every closing starts with one of a few letters or
     * with "-", so most lines are answered without the pattern (a line starting with another ASCII
     * character cannot match, even ignoring case); the line is put in lower case only
     * when it is not plain ASCII (the pattern ignores ASCII case itself).
     */
    private static boolean isClosing(String text, int first, int last) {
        char c = text.charAt(first);
        if (c < 0x80 && CLOSING_FIRST.indexOf(Character.toLowerCase(c)) < 0) {
            return false;
        }
        String line = text.substring(first, last);
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= 0x80) {
                return CLOSING.matcher(line.toLowerCase(Locale.ROOT)).matches();
            }
        }
        return CLOSING.matcher(line).matches();
    }

    /** The first letters of the closings of {@link #CLOSING}. */
    private static final String CLOSING_FIRST = "bcdekmrstwy-";

    /** True when the last non-blank line before {@code lineStart} starts with ">". */
    private static boolean previousNonBlankWasQuoteMark(String text, int lineStart) {
        int end = lineStart - 1;
        while (end > 0) {
            int begin = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(begin, end).strip();
            if (!line.isEmpty()) {
                return line.startsWith(">");
            }
            end = begin - 1;
        }
        return false;
    }
}
