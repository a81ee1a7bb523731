package org.claimscrubber.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.claimscrubber.report.Changes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code compare}: what a rule change did to a night's findings. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description =
                "Compare two report folders: findings added, removed and changed by rule, claims newly held and"
                        + " released. Writes changes.csv into NEW_DIR.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "BASELINE_DIR",
            description = "The report folder before the change")
    Path baseline;

    @Parameters(
            index = "1",
            paramLabel = "NEW_DIR",
            description = "The report folder after it (changes.csv goes here)")
    Path current;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Changes changes = Changes.between(baseline, current);
        try (var out =
                Files.newBufferedWriter(current.resolve(Changes.FILE), StandardCharsets.UTF_8)) {
            changes.write(out);
        }
        spec.commandLine().getOut().print(changes.summary());
        spec.commandLine().getOut().println("changes: " + current.resolve(Changes.FILE));
        return ExitCodes.OK;
    }
}
