package org.claimscrubber.cli;

import java.time.LocalDate;
import org.claimscrubber.input.DateOfService;
import picocli.CommandLine;

/**
 * Dates in options take the formats the export does: 2026-11-25 or 11/25/2026. A bad one is a
 * sentence.
 */
public final class DateOption implements CommandLine.ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        LocalDate date = DateOfService.parseOrNull(value);
        if (date == null) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a date; write 2026-11-25 or 11/25/2026");
        }
        return date;
    }
}
