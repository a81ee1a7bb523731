package org.claimscrubber.cli;

import org.claimscrubber.input.ReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How the exports are read beyond what is detected, the same for {@code run} and the Spark job (a
 * picocli mixin): {@code --delimiter} and {@code --skip-lines}. Each is checked here, so a bad
 * value is a usage error (exit 2) with the option's name, never a stack trace from the reader.
 */
public final class ReadingOptions {

    @Option(
            names = "--delimiter",
            paramLabel = "SEP",
            description =
                    "The field separator: comma, semicolon, tab, pipe or one character (default: detected from the header)")
    String delimiter;

    @Option(
            names = "--skip-lines",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Skip the first N lines of each file, above its header: a report's title block (title lines"
                            + " of one or two cells are recognised without it). Each is counted as not a claim row")
    int skipLines;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** The separator named, or '\0' (detect it from the header) when none is given. */
    public char separator() {
        if (delimiter == null) {
            return '\0';
        }
        try {
            return ReadOptions.separatorNamed(delimiter);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--delimiter: " + e.getMessage());
        }
    }

    /** The lines to skip at the top of each file. */
    public int skipLines() {
        if (skipLines < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--skip-lines takes a number of lines, 0 or" + " more, not " + skipLines);
        }
        return skipLines;
    }
}
