package org.claimscrubber.input;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads dates as exports write them: ISO {@code 2026-11-02} or US {@code 11/02/2026}, strictly (no
 * 2026-02-30). An export holds few distinct dates, so parsed values are cached; one instance per
 * reader.
 */
public final class DateOfService {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US =
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Not a date: cached too, as an export repeats its bad dates. */
    private static final LocalDate INVALID = LocalDate.MIN;

    private final BoundedCache<String, LocalDate> cache = new BoundedCache<>();

    /** The date, or null when the text is not a real date in either form. */
    LocalDate parse(String text) {
        LocalDate date = cache.get(text, DateOfService::parseUncached);
        return date == INVALID ? null : date;
    }

    /**
     * The date in either form, or null; for options such as --as-of, which take the formats the
     * export does.
     */
    public static LocalDate parseOrNull(String text) {
        LocalDate date = parseUncached(text.strip());
        return date == INVALID ? null : date;
    }

    /** 11/02/26: a year of two digits, which exports should not use (is 26 1926 or 2026?). */
    static boolean hasTwoDigitYear(String text) {
        return text.matches("\\d{1,2}/\\d{1,2}/\\d{2}") || text.matches("\\d{2}-\\d{1,2}-\\d{1,2}");
    }

    private static LocalDate parseUncached(String text) {
        try {
            return LocalDate.parse(text, text.indexOf('/') >= 0 ? US : ISO);
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }
}
