package org.claimscrubber.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimscrubber.bench.Benchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: lines/s end to end against the I/O floor, on one generated export. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure the scrubber end to end (JVM start included) against the I/O floor (reading and"
                        + " writing the same CSV with the same library) on one generated export; print lines/s, their"
                        + " ratio and peak memory.")
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--lines",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Lines to generate (default: ${DEFAULT-VALUE})")
    long lines;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--runs",
            paramLabel = "R",
            defaultValue = "3",
            description = "Runs of each, median reported (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            defaultValue = "default",
            description =
                    "-Xmx for the measured JVMs, or default for the JVM's own, as java -jar gives it (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            defaultValue = "target/bench",
            description = "Where the export and reports go (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(
            names = "--mix",
            paramLabel = "MIX",
            defaultValue = "nightly",
            description =
                    "nightly (the coder-written claims: 85%% everyday, 12%% seed codes, 3%% one defect) or synthetic"
                            + " (the generate command's mix) (default: ${DEFAULT-VALUE})")
    String mix;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Rules for the scrub (default as for run)")
    Path rules;

    @Option(
            names = "--seeds",
            paramLabel = "DIR",
            description = "Seeds for the scrub (default as for run)")
    Path seeds;

    @Option(
            names = "--history-nights",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Measure --history instead: scrub N earlier nightly-like exports into a history, then time"
                            + " tonight's with and without it (default: ${DEFAULT-VALUE}, no history)")
    int historyNights;

    @Option(
            names = "--history",
            paramLabel = "LOCATION",
            description =
                    "With --history-nights: the history to build and use (default: a SQLite file in --work;"
                            + " a jdbc:postgresql:// URL measures PostgreSQL)")
    String history;

    @Option(
            names = "--history-patients",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "With --history-nights: patients in the exports' pool per line (default: ${DEFAULT-VALUE}, about one"
                            + " line in ten repeats an earlier night's service; 100: about one in two hundred, nearer a"
                            + " real night)")
    int historyPatients;

    @Option(
            names = "--history-key",
            paramLabel = "FILE",
            description = "With a JDBC URL for --history: its key file")
    Path historyKey;

    @Option(
            names = "--browser",
            paramLabel = "CHROMIUM",
            description =
                    "Also time how long the scrub's report.html takes to open in this Chromium (headless),"
                            + " against an empty page")
    Path browser;

    @Option(
            names = "--spark-classpath",
            paramLabel = "FILE",
            description =
                    "Also time the Spark job on the same export in local[1] and local[2], with Spark's jars as"
                            + " listed in FILE (mvn package writes target/spark-classpath.txt)")
    Path sparkClasspath;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (lines < 1 || runs < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--lines and --runs must be at least 1");
        }
        List<String> runArgs = new ArrayList<>();
        if (rules != null) {
            runArgs.addAll(List.of("--rules", rules.toString()));
        }
        if (seeds != null) {
            runArgs.addAll(List.of("--seeds", seeds.toString()));
        }
        if (!mix.equals("nightly") && !mix.equals("synthetic")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--mix takes nightly or synthetic, not '" + mix + "'");
        }
        if (browser != null && !Files.isExecutable(browser)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--browser "
                            + browser
                            + " is not a program"
                            + " that can be run (e.g. /usr/bin/chromium)");
        }
        if (historyPatients < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--history-patients must be at least 1 (patients in the pool per line)");
        }
        if (sparkClasspath != null && !Files.isRegularFile(sparkClasspath)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--spark-classpath "
                            + sparkClasspath
                            + " is not a file (mvn package writes target/spark-classpath.txt)");
        }
        Benchmark.History measureHistory =
                historyNights > 0
                        ? new Benchmark.History(historyNights, history, historyKey, historyPatients)
                        : null;
        new Benchmark(
                        new Benchmark.Options(
                                lines,
                                seed,
                                runs,
                                heap,
                                work,
                                runArgs,
                                mix,
                                measureHistory,
                                browser,
                                sparkClasspath),
                        spec.commandLine().getOut())
                .run();
        return ExitCodes.OK;
    }
}
