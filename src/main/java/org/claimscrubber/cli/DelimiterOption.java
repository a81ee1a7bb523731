package org.claimscrubber.cli;

import org.claimscrubber.input.ReadOptions;
import picocli.CommandLine;

/** {@code --delimiter}, read the same way by {@code run} and the Spark job: a name or one character. */
public final class DelimiterOption {

    private DelimiterOption() {
    }

    /** The separator named, or '\0' (detect it from the header) when none is given. */
    public static char parse(CommandLine commandLine, String delimiter) {
        if (delimiter == null) {
            return '\0';
        }
        try {
            return ReadOptions.separatorNamed(delimiter);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--delimiter: " + e.getMessage());
        }
    }
}
