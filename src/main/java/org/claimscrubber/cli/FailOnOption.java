package org.claimscrubber.cli;

import org.claimscrubber.report.FailOn;
import picocli.CommandLine;

/** {@code --fail-on error|warning|input}; anything else is a sentence, not a stack trace. */
public final class FailOnOption {

    private FailOnOption() {}

    public static FailOn parse(CommandLine commandLine, String value) {
        try {
            return FailOn.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
