package org.claimscrubber.claims;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads dates as exports write them: ISO {@code 2026-11-02} or US {@code 11/02/2026}, strictly (no
 * 2026-02-30). An export holds few distinct dates, so parsed values are cached; one instance per reader.
 */
final class DateOfService {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US =
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int CACHE_LIMIT = 4096;

    private final Map<String, LocalDate> cache = new HashMap<>();

    /** The date, or null when the text is not a real date in either form. */
    LocalDate parse(String text) {
        LocalDate cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        LocalDate date = parseUncached(text);
        if (date != null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(text, date);
        }
        return date;
    }

    private static LocalDate parseUncached(String text) {
        try {
            return LocalDate.parse(text, text.indexOf('/') >= 0 ? US : ISO);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
