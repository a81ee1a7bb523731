package org.claimscrubber.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.claimscrubber.batch.BatchRunner;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.batch.RunOutcome;
import org.claimscrubber.engine.Severity;
import org.claimscrubber.report.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: scrub claim exports and write findings. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Scrub claim CSV exports and write findings.csv, findings.json and run.json.")
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Claim CSV exports to scrub")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Folder for the reports (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding at or above LEVEL exists: error or warning")
    String failOn;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Check dates of service against this day (YYYY-MM-DD) instead of today")
    LocalDate asOf;

    @Mixin
    SharedOptions shared;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOptions options = new RunOptions(inputs, out, shared.rulesDirectory(), shared.seedsDirectory(), shared.switches(),
                failOnSeverity(),
                asOf == null ? LocalDate.now() : asOf);
        RunOutcome outcome = new BatchRunner().run(options);
        spec.commandLine().getOut().print(Summary.of(outcome.manifest(), outcome.reportDir()));
        return outcome.manifest().exitCode();
    }

    private Severity failOnSeverity() {
        if (failOn == null) {
            return null;
        }
        return switch (failOn.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on takes error or warning, not '" + failOn + "'");
        };
    }
}
