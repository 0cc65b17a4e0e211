package fr.litiges.web;

import fr.litiges.decision.api.Bounds;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates of the contract are exactly {@code YYYY-MM-DD} strings between {@link Bounds#MIN_DATE} and
 * {@link Bounds#MAX_DATE}. Jackson's own reader also takes arrays, epoch days, date-times, year
 * 0000 and signed or 5-digit years, which the contract does not allow and which would produce
 * dates the response cannot write back as YYYY-MM-DD.
 */
final class StrictDates extends ValueDeserializer<LocalDate> {
    static final String EXPECTED = "must be a date YYYY-MM-DD from " + Bounds.MIN_DATE + " to " + Bounds.MAX_DATE;
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate MIN = LocalDate.parse(Bounds.MIN_DATE);
    private static final LocalDate MAX = LocalDate.parse(Bounds.MAX_DATE);

    static SimpleModule module() {
        return new SimpleModule("strict-contract-dates").addDeserializer(LocalDate.class, new StrictDates());
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getString();
        if (SHAPE.matcher(text).matches()) {
            try {
                LocalDate date = LocalDate.parse(text, ISO);
                if (!date.isBefore(MIN) && !date.isAfter(MAX)) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // not a calendar date, e.g. 2026-02-30: refused below
            }
        }
        throw context.weirdStringException(text, LocalDate.class, EXPECTED);
    }
}
