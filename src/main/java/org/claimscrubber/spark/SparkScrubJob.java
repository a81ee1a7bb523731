package org.claimscrubber.spark;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.claimscrubber.cli.DateOption;
import org.claimscrubber.cli.FailOnOption;
import org.claimscrubber.cli.Main;
import org.claimscrubber.cli.ReadingOptions;
import org.claimscrubber.cli.SeverityOption;
import org.claimscrubber.cli.SharedOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scrubber as a Spark job: the same reader, parser, DRL and facts as {@code run}, with the
 * claims spread over a cluster's executors. Submitted with {@code spark-submit --class
 * org.claimscrubber.spark.SparkScrubJob claim-scrubber.jar --out DIR INPUT...}.
 */
@Command(
        name = "spark-scrub",
        mixinStandardHelpOptions = true,
        description =
                "Scrub claim CSV exports on Apache Spark; writes DIR/findings/ (CSV parts), DIR/findings.csv"
                        + " (merged, when DIR is local) and DIR/run.json.")
public final class SparkScrubJob implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description =
                    "Claim exports on any Hadoop file system: files and directories of *.csv and *.csv.gz, each"
                            + " name read as a path (patterns only with --glob)")
    List<String> inputs;

    @Option(
            names = "--glob",
            description =
                    "Read the FILE arguments as glob patterns (s3a://bucket/2026-11-2*.csv.gz)")
    boolean glob;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "Output folder (any Hadoop file system)")
    String out;

    /**
     * --rules, --seeds, --config, --reference and --no-rules-cache, with their defaults, as every
     * command has them.
     */
    @Mixin SharedOptions shared;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = DateOption.class,
            description = "Check dates of service against this day instead of today")
    LocalDate asOf;

    @Option(
            names = "--hold-on",
            paramLabel = "LEVEL",
            description = "Hold claims at or above LEVEL: error (default) or warning")
    String holdOn;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description =
                    "Exit 1 when a finding at or above LEVEL (error, warning) exists, or (input) a row could not be read")
    String failOn;

    @Mixin ReadingOptions reading;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description =
                    "Partitions the shuffle spreads the claims of inputs not grouped by claim over (default: 4 per core"
                            + " of the cluster, at least one per 64 MB of such input)")
    int partitions;

    @Option(
            names = "--part-size",
            paramLabel = "BYTES",
            converter = ByteSize.class,
            description =
                    "Bytes per part a large uncompressed input is read in, each part scrubbed where it is read"
                            + " (default: the inputs' size over 4 parts per core, from 8m to 128m; k, m and g suffixes)")
    long partBytes;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // a thread that dies of an Error ends the job with run's code and sentence
        Main.haltOnFatalErrors();
        System.exit(
                Main.execute(
                        new SparkScrubJob(),
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true),
                        args));
    }

    /** A number of bytes, with an optional k, m or g (powers of 1024). */
    static final class ByteSize implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            int shift =
                    text.endsWith("k") ? 10 : text.endsWith("m") ? 20 : text.endsWith("g") ? 30 : 0;
            String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
            try {
                long bytes = Long.parseLong(digits) << shift;
                if (bytes > 0 && Long.parseLong(digits) < (1L << (62 - shift))) {
                    return bytes;
                }
            } catch (NumberFormatException notANumber) {
                // said below
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a size in bytes (e.g. 64m)");
        }
    }

    @Override
    public Integer call() throws Exception {
        if (partitions < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--partitions takes a positive number, not " + partitions);
        }
        CommandLine commandLine = spec.commandLine();
        JobSettings settings =
                new JobSettings(
                        inputs,
                        out,
                        shared.sources(),
                        new JobSettings.Policy(
                                asOf == null ? LocalDate.now() : asOf,
                                SeverityOption.parse(commandLine, "--hold-on", holdOn),
                                FailOnOption.parse(commandLine, failOn),
                                reading.separator(),
                                reading.skipLines()),
                        partitions,
                        partBytes,
                        glob);
        SparkRun.Result result = new SparkRun(settings).run(Instant.now());
        spec.commandLine().getOut().print(result.summary());
        return result.exitCode();
    }
}
