package org.claimscrubber.cli;

import java.util.Locale;
import org.claimscrubber.domain.Severity;
import picocli.CommandLine;

/**
 * A severity given as an option (--fail-on, --hold-on): error or warning, any case; anything else
 * is a sentence.
 */
public final class SeverityOption {

    private SeverityOption() {}

    /** The severity {@code value} names, or null when the option was not given. */
    public static Severity parse(CommandLine commandLine, String option, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default ->
                    throw new CommandLine.ParameterException(
                            commandLine, option + " takes error or warning, not '" + value + "'");
        };
    }
}
