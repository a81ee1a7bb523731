package org.claimscrubber.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.claimscrubber.cli.DateOption;
import org.claimscrubber.cli.ExitCodes;
import org.claimscrubber.domain.Printable;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.input.InputFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scrubber as a Spark job: the same reader, parser, DRL and facts as {@code run}, with the claims spread over
 * a cluster's executors. Submitted with
 * {@code spark-submit --class org.claimscrubber.spark.SparkScrubJob claim-scrubber.jar --out DIR INPUT...}.
 */
@Command(name = "spark-scrub", mixinStandardHelpOptions = true,
        description = "Scrub claim CSV exports on Apache Spark; writes DIR/findings/ (CSV parts), DIR/findings.csv"
                + " (merged, when DIR is local) and DIR/run.json.")
public final class SparkScrubJob implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Claim exports on any Hadoop file system: files, directories of *.csv and *.csv.gz, globs")
    List<String> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (any Hadoop file system)")
    String out;

    @Option(names = "--rules", paramLabel = "DIR", description = "DRL rules folder (default: ./rules if present, else the jar's)")
    Path rules;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seed documents folder (default: ./seeds if present, else the jar's)")
    Path seeds;

    @Option(names = "--reference", paramLabel = "DIR", description = "Full official code sets and CMS NCCI files")
    Path reference;

    @Option(names = "--config", paramLabel = "FILE", description = "Rule switches, payer names, column names (see README)")
    Path config;

    @Option(names = "--as-of", paramLabel = "DATE", converter = DateOption.class,
            description = "Check dates of service against this day instead of today")
    LocalDate asOf;

    @Option(names = "--hold-on", paramLabel = "LEVEL", description = "Hold claims at or above LEVEL: error (default) or warning")
    String holdOn;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 when a finding at or above LEVEL exists")
    String failOn;

    @Option(names = "--delimiter", paramLabel = "SEP", description = "The field separator (default: detected)")
    String delimiter;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions claims are spread over (default: 4 per core of the cluster, at least one per 64 MB of input)")
    int partitions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SparkScrubJob());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> handle(e, err));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws Exception {
        if (partitions < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partitions takes a positive number, not " + partitions);
        }
        JobSettings settings = new JobSettings(inputs, out, new JobSettings.Sources(rules, seeds, reference, config),
                new JobSettings.Policy(asOf == null ? LocalDate.now() : asOf, level("--hold-on", holdOn, null),
                        level("--fail-on", failOn, null), delimiter), partitions);
        SparkRun.Result result = new SparkRun(settings).run(Instant.now());
        spec.commandLine().getOut().println(result.summary());
        return result.exitCode();
    }

    private Severity level(String option, String value, Severity otherwise) {
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " takes error or warning, not '" + value + "'");
        };
    }

    /** A user error is one sentence and an exit code, as in the local run; only a fault shows a stack trace. */
    private static int handle(Exception e, PrintWriter err) {
        if (e instanceof RulesException || e instanceof FactsException) {
            err.println(Printable.escapeKeepingLines(e instanceof RulesException rules && !rules.diagnostics().isEmpty()
                    ? e.getMessage() : "error: " + e.getMessage()));
            err.println("no findings were written");
            return ExitCodes.USAGE;
        }
        if (e instanceof InputFileException) {
            err.println(Printable.escapeKeepingLines("error: " + e.getMessage()));
            err.println("no findings were written");
            return ExitCodes.INPUT;
        }
        if (e instanceof SparkRun.OutputException) {
            err.println(Printable.escapeKeepingLines("error: " + e.getMessage()));
            err.println("no run.json was written");
            return ExitCodes.OUTPUT;
        }
        err.println("internal error in claim-scrubber (please report it):");
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }
}
