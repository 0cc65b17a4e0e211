package fr.litiges.text;

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
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(start, end);
            String trimmed = line.strip();
            boolean blank;
            if (trimmed.startsWith(">")) {
                blank = true;
            } else if (mayBeReplyHeader(line) && REPLY_HEADER.matcher(line).matches()) {
                // Everything after a reply header is the earlier message, unless it is quoted with
                // ">" and the customer's own words follow it (a top-quoted reply).
                quotedBlock = true;
                quotedByHeader = true;
                blank = true;
            } else if (quotedBlock) {
                blank = true;
                if (!trimmed.isEmpty() && quotedByHeader && previousNonBlankWasQuoteMark(text, start)) {
                    // The "> " lines ended: the customer writes again below the quote.
                    quotedBlock = false;
                    signature = false;
                    blank = false;
                }
                quotedByHeader = quotedBlock && quotedByHeader;
            } else if (signature) {
                blank = true;
            } else if (trimmed.length() <= MAX_CLOSING && start > 0 && CLOSING.matcher(trimmed.toLowerCase(Locale.ROOT)).matches()) {
                signature = true;
                blank = true;
            } else {
                blank = false;
            }
            if (blank) {
                for (int i = start; i < end; i++) {
                    out[i] = ' ';
                }
            }
            start = end + 1;
        }
        return new String(out);
    }

    /** A closing line is short: longer lines are not worth the pattern. */
    private static final int MAX_CLOSING = 40;

    /** Cheap test first: a reply header has a colon or a row of dashes; most lines have neither. */
    private static boolean mayBeReplyHeader(String line) {
        return line.indexOf(':') >= 0 || line.contains("--");
    }

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
