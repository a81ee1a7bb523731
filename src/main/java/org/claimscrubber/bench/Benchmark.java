package org.claimscrubber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.claimscrubber.domain.Category;

/**
 * {@code bench}: on one export (nightly-like by default), the I/O floor, the scrubber with every
 * rule switched off and with one trivial rule (Drools' own cost with the same facts), and the
 * scrubber end to end, each in a JVM of its own so JVM start is counted, each run several times
 * (the median is reported). Figures come from the child runs: wall time measured here, peak heap
 * and resident set from the scrubber's run.json.
 */
public final class Benchmark {

    /**
     * The JVM's own default heap, as {@code java -jar} gives it (a quarter of the machine's
     * memory).
     */
    public static final String DEFAULT_HEAP = "default";

    /**
     * What to measure. {@code runArgs} are passed to {@code run} (e.g. --rules DIR); {@code heap}
     * is -Xmx, or {@link #DEFAULT_HEAP}; {@code mix} is "nightly" (from the coder-written claims)
     * or "synthetic" (the generator); {@code browser}, when given, is a Chromium that opens the
     * scrub's report.html afterwards, timed.
     */
    public record Options(
            long lines,
            long seed,
            int runs,
            String heap,
            Path workDir,
            List<String> runArgs,
            String mix,
            History history,
            Path browser,
            Path sparkClasspath) {

        public Options(
                long lines,
                long seed,
                int runs,
                String heap,
                Path workDir,
                List<String> runArgs,
                String mix) {
            this(lines, seed, runs, heap, workDir, runArgs, mix, null, null, null);
        }
    }

    /**
     * The claim-history measurement: {@code nights} earlier nightly-like exports (with patient ids,
     * each its own claim ids) are scrubbed into the history at {@code location} (a SQLite file, or
     * a JDBC URL with {@code keyFile}) first; then tonight's export is timed with and without
     * {@code --history}.
     */
    public record History(int nights, String location, Path keyFile, int patientsPerLine) {
        /** The stress test's pool: about one line in ten repeats an earlier night's service. */
        public static final int DEFAULT_PATIENTS_PER_LINE = 5;

        /** "" for the default pool, else "-p100": what tells the exports and histories apart. */
        String poolSuffix() {
            return patientsPerLine == DEFAULT_PATIENTS_PER_LINE ? "" : "-p" + patientsPerLine;
        }
    }

    /** One measured command: the median wall time of its runs, in milliseconds. */
    private record Timing(long medianMillis, List<Long> runsMillis) {}

    private final Options options;
    private final PrintWriter out;

    public Benchmark(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        if (options.history() != null) {
            runHistory();
            return;
        }
        Files.createDirectories(options.workDir());
        Path export =
                options.workDir()
                        .resolve(
                                "bench-"
                                        + options.mix()
                                        + "-"
                                        + options.lines()
                                        + "-"
                                        + options.seed()
                                        + ".csv");
        if (!Files.isRegularFile(export)) {
            try (Writer writer =
                    new BufferedWriter(
                            new OutputStreamWriter(
                                    Files.newOutputStream(export), StandardCharsets.UTF_8),
                            1 << 16)) {
                if (options.mix().equals("synthetic")) {
                    SyntheticExport.write(options.lines(), options.seed(), writer);
                } else {
                    NightlyExport.write(options.lines(), options.seed(), writer);
                }
            }
        }
        out.printf(
                "export: %s (%s mix, %,d lines, %,d bytes, seed %d)%n",
                export, options.mix(), options.lines(), Files.size(export), options.seed());
        out.printf(
                "machine: %d cores, %s %s, Java %s, heap %s for all%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                options.heap().equals(DEFAULT_HEAP)
                        ? "the JVM's default"
                        : "-Xmx" + options.heap());
        out.flush();
        Path reports = options.workDir().resolve("bench-reports");
        List<String> scrub = scrubCommand(export, reports, options.runArgs());
        List<String> floor = new ArrayList<>(javaCommand());
        floor.addAll(
                List.of(
                        IoFloor.class.getName(),
                        export.toString(),
                        options.workDir().resolve("bench-floor.csv").toString()));

        // The same run with every rule switched off: what reading, sessions and writing cost before
        // any rule.
        Path noRules = options.workDir().resolve("bench-no-rules.properties");
        // INPUT-001 cannot be switched off (a row not read is held whatever the config says); it
        // fires only on bad rows.
        Files.writeString(
                noRules,
                "# bench: every rule off but INPUT-001, to measure the engine without rules\n"
                        + "disable.categories = "
                        + Arrays.stream(Category.values())
                                .filter(c -> c != Category.INPUT)
                                .map(Category::name)
                                .collect(Collectors.joining(", "))
                        + "\ndisable.rules = INPUT-002, INPUT-003\n");
        List<String> noRulesArgs = new ArrayList<>(List.of("--config", noRules.toString()));
        noRulesArgs.addAll(options.runArgs());
        List<String> baseline =
                scrubCommand(
                        export, options.workDir().resolve("bench-reports-no-rules"), noRulesArgs);

        // The same run with one trivial rule (a condition on every line that never holds): Drools'
        // own floor.
        Path trivialRules = options.workDir().resolve("bench-trivial-rules");
        Files.createDirectories(trivialRules);
        Files.writeString(trivialRules.resolve("trivial.drl"), TRIVIAL_RULE);
        List<String> trivialArgs = new ArrayList<>(List.of("--rules", trivialRules.toString()));
        for (int i = 0; i < options.runArgs().size(); i++) {
            if (options.runArgs().get(i).equals("--rules")) {
                i++; // the trivial rule replaces the rules folder given
            } else {
                trivialArgs.add(options.runArgs().get(i));
            }
        }
        List<String> trivial =
                scrubCommand(
                        export, options.workDir().resolve("bench-reports-trivial"), trivialArgs);

        Timing floorTime = time(floor);
        Timing baselineTime = time(baseline);
        Timing trivialTime = time(trivial);
        Timing scrubTime = time(scrub);
        JsonNode manifest = new ObjectMapper().readTree(reports.resolve("run.json").toFile());
        out.printf(
                "%-36s %10s %14s %8s %8s   runs (ms)%n",
                "", "wall", "lines/s", "µs/line", "x floor");
        row("I/O floor (read + write, opencsv)", floorTime, floorTime);
        row("scrub, every rule off", baselineTime, floorTime);
        row("scrub, one trivial rule", trivialTime, floorTime);
        row("scrub end to end (run)", scrubTime, floorTime);
        out.printf(
                "end to end / floor: %.2fx (every rule off: %.2fx; the rules add %.2f µs/line above one trivial rule)%n",
                (double) scrubTime.medianMillis() / floorTime.medianMillis(),
                (double) baselineTime.medianMillis() / floorTime.medianMillis(),
                (scrubTime.medianMillis() - trivialTime.medianMillis()) * 1000.0 / options.lines());
        JsonNode resources = manifest.get("resources");
        out.printf(
                "scrub peak heap %,d MB, peak RSS %,d MB, %d worker thread(s), mode %s, rules %s%n",
                resources.get("peak_heap_bytes").asLong() >> 20,
                resources.get("peak_rss_bytes").asLong() >> 20,
                resources.get("threads").asInt(),
                manifest.get("mode").asText(),
                manifest.at("/rules/build").asText());
        out.printf("scrub phases (last run): %s%n", manifest.get("timings_millis"));
        out.printf(
                "findings: %,d; rows read %,d (scrubbed %,d, rejected %,d)%n",
                manifest.at("/findings/total").asLong(),
                manifest.at("/rows/read").asLong(),
                manifest.at("/rows/scrubbed").asLong(),
                manifest.at("/rows/rejected").asLong());
        out.flush();
        if (options.browser() != null) {
            openInBrowser(reports.resolve("report.html"), manifest.at("/findings/total").asLong());
        }
        if (options.sparkClasspath() != null) {
            runSpark(export, reports, floorTime, scrubTime);
        }
    }

    /**
     * The Spark job on the same export in local mode with one core and with two, each against
     * {@code run}: wall time with JVM and Spark start, lines per second per core, and whether its
     * findings (sorted) are {@code run}'s.
     */
    private void runSpark(Path export, Path runReports, Timing floor, Timing run)
            throws IOException, InterruptedException {
        List<String> runFindings = sortedLines(runReports.resolve("findings.csv"));
        Timing[] byCores = new Timing[3];
        for (int cores = 1; cores <= 2; cores++) {
            Path dir = options.workDir().resolve("bench-spark-" + cores);
            Timing timing = time(sparkCommand(export, dir, cores));
            byCores[cores] = timing;
            JsonNode manifest = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
            row("Spark local[" + cores + "]", timing, floor);
            out.printf(
                    "  %,.0f lines/s per core; findings %s run's; %s%n",
                    options.lines() / (timing.medianMillis() / 1000.0) / cores,
                    sortedLines(dir.resolve("findings.csv")).equals(runFindings)
                            ? "equal"
                            : "DIFFER FROM",
                    manifest.get("mode").asText());
        }
        out.printf(
                "Spark local[2] / run: %.2fx; local[1] / local[2]: %.2fx%n",
                (double) byCores[2].medianMillis() / run.medianMillis(),
                (double) byCores[1].medianMillis() / byCores[2].medianMillis());
        out.flush();
    }

    private static List<String> sortedLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        Collections.sort(lines);
        return lines;
    }

    /**
     * The Spark job as docs/spark.md starts it on one machine: Spark's own launcher, in local mode.
     */
    private List<String> sparkCommand(Path export, Path out, int cores) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        int classPath = command.indexOf("-cp") + 1;
        String jar = command.get(classPath);
        command.set(
                classPath,
                jar + File.pathSeparator + Files.readString(options.sparkClasspath()).strip());
        command.addAll(
                List.of(
                        "org.apache.spark.deploy.SparkSubmit",
                        "--master",
                        "local[" + cores + "]",
                        "--conf",
                        "spark.ui.enabled=false",
                        "--class",
                        "org.claimscrubber.spark.SparkScrubJob",
                        jar,
                        "--out",
                        out.toString()));
        command.addAll(options.runArgs());
        command.add(export.toString());
        return command;
    }

    /**
     * How long the night's report.html takes to open: headless Chromium loads it, runs its script
     * and prints the page ({@code --dump-dom}, which returns once the page has loaded), against the
     * same for an empty page (the browser's own start, the floor here). A billing manager opens
     * this file first thing in the morning.
     */
    private void openInBrowser(Path report, long findings)
            throws IOException, InterruptedException {
        Path blank = options.workDir().resolve("bench-blank.html");
        Files.writeString(
                blank,
                "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>\n");
        // the browser's complaints about a missing desktop bus (headless, no session) are not the
        // report's
        Timing blankTime =
                time(browserCommand(blank), options.runs(), ProcessBuilder.Redirect.DISCARD);
        Timing reportTime =
                time(browserCommand(report), options.runs(), ProcessBuilder.Redirect.DISCARD);
        out.printf(
                "report.html: %,d KB for %,d findings; opens in headless Chromium in %.2f s (an empty page: %.2f s,"
                        + " so the report adds %.2f s)   runs (ms) %s%n",
                Files.size(report) >> 10,
                findings,
                reportTime.medianMillis() / 1000.0,
                blankTime.medianMillis() / 1000.0,
                (reportTime.medianMillis() - blankTime.medianMillis()) / 1000.0,
                reportTime.runsMillis());
        out.flush();
    }

    private List<String> browserCommand(Path page) throws IOException {
        Path profile = Files.createTempDirectory(options.workDir(), "bench-browser-profile");
        return List.of(
                options.browser().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--dump-dom",
                page.toAbsolutePath().toUri().toString());
    }

    /**
     * Tonight's export timed without a history and with one already holding {@code nights} earlier
     * nights: the ratio is what {@code --history} costs. On SQLite each timed run starts from a
     * copy of the history as built (a run adds its night); a PostgreSQL history grows by one night
     * a run.
     */
    private void runHistory() throws IOException, InterruptedException {
        Files.createDirectories(options.workDir());
        History history = options.history();
        Path tonight = nightExport("T", options.seed(), history.patientsPerLine());
        String location =
                history.location() != null
                        ? history.location()
                        : options.workDir()
                                .resolve(
                                        "bench-history-"
                                                + options.lines()
                                                + "-"
                                                + history.nights()
                                                + history.poolSuffix()
                                                + ".db")
                                .toString();
        List<String> historyArgs = new ArrayList<>(List.of("--history", location));
        if (history.keyFile() != null) {
            historyArgs.addAll(List.of("--history-key", history.keyFile().toString()));
        }
        out.printf(
                "export: %s (nightly mix with patient ids, %,d lines, %,d bytes)%n",
                tonight, options.lines(), Files.size(tonight));
        long buildStart = System.nanoTime();
        LocalDate today = LocalDate.now();
        boolean reuse = !location.startsWith("jdbc:") && Files.isRegularFile(Path.of(location));
        if (reuse) {
            out.printf(
                    "history: reusing %s (built by an earlier bench; delete it to build %d nights afresh)%n",
                    location, history.nights());
        }
        for (int night = 1; night <= history.nights() && !reuse; night++) {
            Path earlier =
                    nightExport(
                            "E" + night + "-", options.seed() + night, history.patientsPerLine());
            List<String> args = new ArrayList<>(historyArgs);
            args.addAll(
                    List.of("--as-of", today.minusDays(history.nights() + 1 - night).toString()));
            args.addAll(options.runArgs());
            List<String> command =
                    scrubCommand(earlier, options.workDir().resolve("bench-history-build"), args);
            Timing built = time(command, 1);
            out.printf(
                    "history night %d of %d: %,d ms%n",
                    night, history.nights(), built.medianMillis());
            out.flush();
            Files.delete(earlier);
        }
        out.printf(
                "history: %d nights of %,d lines, built in %,d s%s%n",
                history.nights(),
                options.lines(),
                (System.nanoTime() - buildStart) / 1_000_000_000L,
                location.startsWith("jdbc:")
                        ? ""
                        : String.format(", %,d MB on disk", Files.size(Path.of(location)) >> 20));
        List<String> floor = new ArrayList<>(javaCommand());
        floor.addAll(
                List.of(
                        IoFloor.class.getName(),
                        tonight.toString(),
                        options.workDir().resolve("bench-floor.csv").toString()));
        List<String> without =
                scrubCommand(
                        tonight, options.workDir().resolve("bench-reports"), options.runArgs());
        // Each timed run gets the history as built, N nights: on SQLite a fresh copy of the file (a
        // run adds its
        // night, and a second run of the same export would find every line already sent). A JDBC
        // history grows.
        List<String> withArgs = new ArrayList<>();
        Runnable freshCopy = () -> {};
        int timedRuns = options.runs();
        boolean inPlace = false;
        if (location.startsWith("jdbc:")) {
            withArgs.addAll(historyArgs);
        } else if (!roomToCopy(Path.of(location))) {
            // a run adds tonight's night: a second run of the same export, now or by a later bench
            // reusing the file, would find every line already sent
            inPlace = true;
            timedRuns = 1;
            out.printf(
                    "history: no room on disk for a copy of %s; one run timed in place, and the"
                            + " history deleted after it (it then holds tonight's export)%n",
                    location);
            withArgs.addAll(historyArgs);
        } else {
            Path built = Path.of(location);
            Path copy = options.workDir().resolve("bench-history-timed.db");
            withArgs.addAll(
                    List.of("--history", copy.toString(), "--history-key", location + ".key"));
            freshCopy =
                    () -> {
                        try {
                            for (String suffix : List.of("-wal", "-shm")) {
                                Files.deleteIfExists(Path.of(copy + suffix));
                            }
                            Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    };
        }
        withArgs.addAll(options.runArgs());
        Path withReports = options.workDir().resolve("bench-reports-history");
        List<String> with = scrubCommand(tonight, withReports, withArgs);
        Timing floorTime = time(floor);
        Timing withoutTime = time(without);
        Timing withTime = time(with, timedRuns, ProcessBuilder.Redirect.INHERIT, freshCopy);
        out.printf(
                "%-36s %10s %14s %8s %8s   runs (ms)%n",
                "", "wall", "lines/s", "µs/line", "x floor");
        row("I/O floor (read + write, opencsv)", floorTime, floorTime);
        row("scrub without --history", withoutTime, floorTime);
        row("scrub with --history (" + history.nights() + "+ nights)", withTime, floorTime);
        out.printf(
                "with history / without: %.2fx%n",
                (double) withTime.medianMillis() / withoutTime.medianMillis());
        JsonNode manifest = new ObjectMapper().readTree(withReports.resolve("run.json").toFile());
        JsonNode resources = manifest.get("resources");
        out.printf(
                "with history: peak heap %,d MB, peak RSS %,d MB; findings %,d (HIST-001 and FREQ-001 among them:"
                        + " %s); history %s%n",
                resources.get("peak_heap_bytes").asLong() >> 20,
                resources.get("peak_rss_bytes").asLong() >> 20,
                manifest.at("/findings/total").asLong(),
                manifest.at("/findings/by_category"),
                manifest.at("/history/store").asText());
        out.printf("with history, phases (last run): %s%n", manifest.get("timings_millis"));
        if (inPlace) {
            for (String suffix : List.of("", "-wal", "-shm", ".key")) {
                Files.deleteIfExists(Path.of(location + suffix));
            }
            out.printf("history: deleted %s%n", location);
        }
        out.flush();
    }

    /**
     * Whether the disk holding {@code history} has room for a copy of it and as much again to spare
     * (a 30-night history of 5M lines is about 30 GB; the machine is shared).
     */
    private static boolean roomToCopy(Path history) throws IOException {
        return Files.getFileStore(history).getUsableSpace() > 2 * Files.size(history);
    }

    /**
     * A nightly-like export with patient ids (a pool of {@code patientsPerLine} a line) and claim
     * ids of its own prefix, generated once.
     */
    private Path nightExport(String prefix, long seed, int patientsPerLine) throws IOException {
        String pool =
                patientsPerLine == History.DEFAULT_PATIENTS_PER_LINE ? "" : "-p" + patientsPerLine;
        Path export =
                options.workDir()
                        .resolve(
                                "bench-night-"
                                        + prefix
                                        + options.lines()
                                        + "-"
                                        + seed
                                        + pool
                                        + ".csv");
        if (!Files.isRegularFile(export)) {
            try (Writer writer =
                    new BufferedWriter(
                            new OutputStreamWriter(
                                    Files.newOutputStream(export), StandardCharsets.UTF_8),
                            1 << 16)) {
                NightlyExport.write(options.lines(), seed, writer, prefix, patientsPerLine);
            }
        }
        return export;
    }

    private static final String TRIVIAL_RULE =
            """
            // bench: one rule whose condition is checked on every line and never holds.
            package bench;

            import org.claimscrubber.domain.ClaimLine;

            global org.claimscrubber.domain.FindingCollector findings;

            rule "Trivial"
                @id("BENCH-001") @severity("INFO") @category("CODE")
                @description("bench: a condition on every line that never holds")
            when
                $line : ClaimLine(procedureCode == "NONE!")
            then
                findings.line(kcontext, $line, "never", null);
            end
            """;

    private void row(String what, Timing timing, Timing floor) {
        double seconds = timing.medianMillis() / 1000.0;
        out.printf(
                "%-36s %8.2f s %,14.0f %8.2f %7.2fx   %s%n",
                what,
                seconds,
                options.lines() / seconds,
                timing.medianMillis() * 1000.0 / options.lines(),
                (double) timing.medianMillis() / floor.medianMillis(),
                timing.runsMillis());
    }

    /** Runs a command {@code runs} times; the median and every run's wall time. */
    private Timing time(List<String> command) throws IOException, InterruptedException {
        return time(command, options.runs());
    }

    private Timing time(List<String> command, int times) throws IOException, InterruptedException {
        return time(command, times, ProcessBuilder.Redirect.INHERIT);
    }

    private Timing time(List<String> command, int times, ProcessBuilder.Redirect errors)
            throws IOException, InterruptedException {
        return time(command, times, errors, () -> {});
    }

    /** The same, with {@code before} run ahead of each run, outside its timing. */
    private Timing time(
            List<String> command, int times, ProcessBuilder.Redirect errors, Runnable before)
            throws IOException, InterruptedException {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            before.run();
            long start = System.nanoTime();
            Process process =
                    new ProcessBuilder(command)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(errors)
                            .start();
            if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() > 1) {
                throw new IOException(
                        "benchmark command failed (exit "
                                + process.exitValue()
                                + "): "
                                + String.join(" ", command));
            }
            runs.add((System.nanoTime() - start) / 1_000_000);
        }
        long[] sorted = runs.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Timing(sorted[sorted.length / 2], runs);
    }

    /** {@code run} as a user starts it (through the launcher), quiet, into {@code reports}. */
    private List<String> scrubCommand(Path export, Path reports, List<String> runArgs) {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(
                List.of(
                        "org.claimscrubber.cli.Launcher",
                        "run",
                        "--quiet",
                        "--out",
                        reports.toString()));
        command.addAll(runArgs);
        command.add(export.toString());
        return command;
    }

    /** {@code java -Xmx.. -cp <this jar or classpath>}, with the java that runs this JVM. */
    private List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        if (!options.heap().equals(DEFAULT_HEAP)) {
            command.add("-Xmx" + options.heap());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return command;
    }
}
