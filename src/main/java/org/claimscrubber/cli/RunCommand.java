package org.claimscrubber.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimscrubber.batch.ClaimPipeline;
import org.claimscrubber.batch.LocalRun;
import org.claimscrubber.batch.Progress;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.batch.RunOutcome;
import org.claimscrubber.domain.ControlChars;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RuleClock;
import org.claimscrubber.history.HistoryStore;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.report.Changes;
import org.claimscrubber.report.FailOn;
import org.claimscrubber.report.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: scrub claim exports and write findings. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Scrub claim CSV exports and write the night's reports into --out: report.html (the worklist),"
                    + " findings.csv and findings.json (one row per finding), claim-summary.csv (one row per claim with a"
                    + " finding or held, with its charges), run.json (what ran and every count; written last), with --split"
                    + " clean-claims.csv and held-claims.csv, and with --baseline changes.csv."
        })
final class RunCommand implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "Claim exports: CSV files, .csv.gz files, directories of them, or - for standard input")
    List<String> inputs;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "Folder for the reports (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description =
                    "Exit 1 when a finding at or above LEVEL exists (error or warning), or with input, only when a row could not be read (input trouble, not a normal night's held claims)")
    String failOn;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = DateOption.class,
            description =
                    "Check dates of service against this day (2026-11-25 or 11/25/2026) instead of today")
    LocalDate asOf;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Rule-evaluation threads (default: one per core but the one that reads)")
    int threads;

    @Option(names = "--split", description = "Also write clean-claims.csv and held-claims.csv")
    boolean split;

    @Option(
            names = "--hold-on",
            paramLabel = "LEVEL",
            description =
                    "Hold claims with a finding at or above LEVEL: error (default, what a payer denies) or warning")
    String holdOn;

    @Option(
            names = "--baseline",
            paramLabel = "DIR",
            description =
                    "A report folder to compare this run with (e.g. last night's): writes changes.csv")
    Path baseline;

    @Option(
            names = "--history",
            paramLabel = "LOCATION",
            description =
                    "Check against and record into a claim history: a file (SQLite, created on first use) or a"
                            + " JDBC URL (jdbc:postgresql://host/db?user=...). Adds duplicate-claim and frequency-limit edits,"
                            + " and since-last-run.csv (findings new, recurring, resolved)")
    String history;

    @Option(
            names = "--history-key",
            paramLabel = "FILE",
            description =
                    "The secret the history hashes patient ids with (created owner-only on first use; default:"
                            + " LOCATION.key beside a SQLite file; required with a JDBC URL)")
    Path historyKey;

    @Option(
            names = "--history-keep",
            paramLabel = "DAYS",
            defaultValue = "400",
            description =
                    "Purge history rows of runs older than this many days (default: ${DEFAULT-VALUE})")
    int historyKeep;

    @Mixin ReadingOptions reading;

    @Option(
            names = "--rule-time-limit",
            paramLabel = "SECONDS",
            defaultValue = RuleClock.DEFAULT_SECONDS,
            description =
                    "Stop the run (exit 2) when the rules take longer than this on one chunk of claims: a rule"
                            + " that loops (default: ${DEFAULT-VALUE})")
    long ruleTimeLimit;

    @Option(
            names = "--wait",
            description =
                    "If another run is writing the same --out folder, wait for it instead of refusing")
    boolean waitForFolder;

    @Option(
            names = "--progress",
            description = "Show progress on standard error even when it is not a terminal")
    boolean progress;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but errors")
    boolean quiet;

    @Mixin SharedOptions shared;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--threads takes a positive number, not " + threads);
        }
        if (ruleTimeLimit < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--rule-time-limit takes a number of seconds"
                            + " above 0, not "
                            + ruleTimeLimit);
        }
        if (historyKeep < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--history-keep takes a number of days above 0," + " not " + historyKeep);
        }
        if (historyKey != null && history == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--history-key needs --history");
        }
        RuleClock.setLimit(ruleTimeLimit);
        if (baseline != null) {
            try {
                Changes.checkBaseline(baseline);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--baseline "
                                + baseline
                                + " is not a report folder to compare with: "
                                + Main.describe(e));
            }
        }
        if (!quiet) {
            for (String skipped : InputSource.skipped(inputs)) {
                spec.commandLine().getErr().println("note: " + ControlChars.escape(skipped));
            }
        }
        int workers = threads > 0 ? threads : ClaimPipeline.defaultThreads();
        boolean showProgress = !quiet && (progress || System.console() != null);
        try (Progress meter =
                showProgress ? new Progress(spec.commandLine().getErr(), inputBytes()) : null) {
            RunOptions options =
                    new RunOptions(
                            new RunOptions.Input(
                                    inputs, System.in, reading.separator(), reading.skipLines()),
                            shared.sources()
                                    .withHistory(
                                            history == null
                                                    ? null
                                                    : new HistoryStore.Options(
                                                            history, historyKey, historyKeep)),
                            new RunOptions.Policy(
                                    asOf == null ? LocalDate.now() : asOf,
                                    failOnSeverity(),
                                    holdOnSeverity()),
                            new RunOptions.Output(out, split, waitForFolder, baseline),
                            new RunOptions.Execution(workers, meter));
            RunOutcome outcome = new LocalRun().run(options);
            if (meter != null) {
                meter.close();
            }
            if (!quiet) {
                spec.commandLine()
                        .getOut()
                        .print(Summary.of(outcome.manifest(), outcome.reportDir()));
            }
            if (outcome.changes() != null && !quiet) {
                spec.commandLine()
                        .getOut()
                        .print(
                                "compared with "
                                        + baseline
                                        + ":"
                                        + System.lineSeparator()
                                        + outcome.changes().summary());
            }
            return outcome.manifest().exitCode();
        }
    }

    /** The inputs' total size, for the time-left estimate; -1 when standard input is among them. */
    private long inputBytes() {
        long total = 0;
        for (String input : inputs) {
            Path path = Path.of(input);
            if (input.equals("-")) {
                return -1;
            }
            try {
                total += Files.isDirectory(path) ? 0 : Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    private FailOn failOnSeverity() {
        return FailOnOption.parse(spec.commandLine(), failOn);
    }

    /** --hold-on, or null for the config's hold.on (else ERROR), as {@code RunSetup} settles it. */
    private Severity holdOnSeverity() {
        return holdOn == null
                ? null
                : SeverityOption.parse(spec.commandLine(), "--hold-on", holdOn);
    }
}
