package org.claimscrubber.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimscrubber.domain.ClaimHistory;
import org.claimscrubber.domain.DataCoverage;
import org.claimscrubber.domain.RunContext;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.files.WorkFiles;
import org.claimscrubber.input.InputFile;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.PatientKeyer;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.input.StdinSpool;
import org.claimscrubber.report.OutcomeSink;

/**
 * Reads claim exports and scrubs every claim, handing the outcomes to a sink in the order the
 * claims first appear. The work partitions by claim id: a claim is the unit of evaluation, so
 * claims can be evaluated on any worker (here, the cores of one machine) and the results merged by
 * claim order.
 *
 * <p>Inputs grouped by claim (the usual export) stream through in one pass with memory bounded by
 * the chunks in flight. If a claim id reappears after other claims, the streaming pass is
 * abandoned, the sink restarted, and the input read again in a partitioned pass (see {@link
 * PartitionedPass}).
 */
public final class ClaimPipeline {

    /**
     * Workers by default: one core reads and parses, the others evaluate (measured: on 2 cores, 1
     * worker wins).
     */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * @param threads workers evaluating chunks ({@link #defaultThreads()} by default)
     * @param keepRows whether outcomes carry their rows (for --split)
     * @param workDir where the partitioned pass may write its temporary files
     * @param standardInput what "-" reads
     * @param progress progress reporting, or null
     */
    public record Options(
            int threads,
            boolean keepRows,
            Path workDir,
            InputStream standardInput,
            Progress progress) {}

    /**
     * What a scrub read and how: the inputs, their blank lines (the rows themselves are counted by
     * the sink, from the outcomes), {@code mode} "streaming" or "partitioned" with the reason, and
     * CPU times per stage (reading, evaluating summed over workers, writing) and the wall time.
     */
    public record Result(
            List<InputFile> inputs,
            long blankLines,
            String mode,
            Map<String, Long> timings,
            List<SourceInfo> sources) {}

    private final CompiledRules rules;
    private final List<Object> referenceFacts;
    private final DataCoverage coverage;

    private final PatientKeyer patientKeys;
    private final boolean historyKept;

    public ClaimPipeline(CompiledRules rules, FactBase facts, LocalDate today) {
        this(rules, facts, today, ClaimHistory.NONE, PatientKeyer.NONE);
    }

    /**
     * @param history what earlier nights recorded, for the rules that ask it ({@link
     *     ClaimHistory#NONE} without)
     * @param patientKeys how the lines' patient ids become the keys the history knows them by
     */
    public ClaimPipeline(
            CompiledRules rules,
            FactBase facts,
            LocalDate today,
            ClaimHistory history,
            PatientKeyer patientKeys) {
        this.rules = rules;
        this.referenceFacts = referenceFacts(facts, today, history);
        this.coverage = facts.coverage();
        this.patientKeys = patientKeys;
        this.historyKept = history != ClaimHistory.NONE;
    }

    /**
     * What every session holds besides the claims: the facts, the day dates of service are checked
     * against, and the claim history (empty without one, so a rule that names it always has it).
     */
    static List<Object> referenceFacts(FactBase facts, LocalDate today, ClaimHistory history) {
        List<Object> referenceFacts = new ArrayList<>(facts.engineFacts());
        referenceFacts.add(new RunContext(today));
        referenceFacts.add(history);
        return referenceFacts;
    }

    public Result scrub(List<InputSource> sources, Options options, OutcomeSink.Restartable sink)
            throws InputFileException, IOException {
        List<Path> pipeCopies = new ArrayList<>();
        try {
            return scrubSeekable(copyPipes(sources, options.workDir(), pipeCopies), options, sink);
        } finally {
            for (Path copy : pipeCopies) {
                WorkFiles.delete(copy);
            }
        }
    }

    /**
     * A FIFO or a process substitution ({@code run <(zcat x.gz)}) can be read only once, and an
     * export whose claims are not grouped is read twice: such inputs are copied into the work
     * folder first (owner-only), under the name they were given.
     */
    private static List<InputSource> copyPipes(
            List<InputSource> sources, Path workDir, List<Path> copies)
            throws InputFileException, IOException {
        List<InputSource> seekable = new ArrayList<>(sources.size());
        for (InputSource source : sources) {
            if (source.stdin() || Files.isRegularFile(source.path())) {
                seekable.add(source);
                continue;
            }
            Path copy = WorkFiles.path(workDir, "pipe", "-" + copies.size());
            copies.add(copy);
            WorkFiles.createFile(copy);
            try (InputStream in = source.open(InputStream.nullInputStream())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            seekable.add(new InputSource(source.name(), copy, Files.size(copy), source.reading()));
        }
        return seekable;
    }

    private Result scrubSeekable(
            List<InputSource> sources, Options options, OutcomeSink.Restartable sink)
            throws InputFileException, IOException {
        long wallStart = System.nanoTime();
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(1, options.threads()), workerThreads());
        PassContext context =
                new PassContext(
                        pool,
                        new WorkerSessions(rules, referenceFacts, coverage, historyKept),
                        options.threads(),
                        options.keepRows(),
                        patientKeys);
        boolean stdin = sources.stream().anyMatch(InputSource::stdin);
        StdinSpool spool =
                stdin
                        ? new StdinSpool(
                                options.standardInput(),
                                WorkFiles.path(options.workDir(), "stdin", ".csv"))
                        : null;
        try {
            ReadStats stats = new ReadStats();
            String mode = "streaming";
            watch(options, stats);
            Optional<String> notGrouped =
                    streaming(
                            sources,
                            spool == null ? InputStream.nullInputStream() : spool.tee(),
                            context,
                            stats,
                            sink);
            if (notGrouped.isPresent()) {
                sink.restart();
                stats = new ReadStats();
                watch(options, stats);
                List<InputSource> again = new ArrayList<>();
                for (InputSource source : sources) {
                    again.add(source.stdin() ? spooled(source, spool.complete()) : source);
                }
                PartitionedPass pass =
                        new PartitionedPass(
                                again,
                                WorkFiles.path(options.workDir(), "partitions", ""),
                                context,
                                stats);
                mode = "partitioned into " + pass.partitions() + " (" + notGrouped.get() + ")";
                pass.run(sink);
            }
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("read_cpu", stats.readNanos.get() / 1_000_000);
            timings.put("evaluate_cpu", context.evaluateNanos.get() / 1_000_000);
            timings.put("write_cpu", context.writeNanos.get() / 1_000_000);
            timings.put("scrub_wall", (System.nanoTime() - wallStart) / 1_000_000);
            Map<Integer, SourceInfo> opened = new TreeMap<>();
            for (SourceInfo source : List.copyOf(stats.sources)) {
                opened.put(source.index(), source); // the last pass's, when a pass began again
            }
            return new Result(
                    List.copyOf(stats.inputs),
                    stats.blankLines,
                    mode,
                    timings,
                    List.copyOf(opened.values()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
            if (spool != null) {
                spool.discard();
            }
        }
    }

    /**
     * Standard input, as spooled for the partitioned pass, with the spool's size: the number of
     * partitions follows the size, and an unknown size gave 2 partitions for any input (memory no
     * longer bounded).
     */
    static InputSource spooled(InputSource stdin, Path spool) throws IOException {
        return new InputSource(stdin.name(), spool, Files.size(spool), stdin.reading());
    }

    /**
     * The streaming pass; returns where the input turned out not to be grouped by claim, if it did
     * (the outcomes handed to the sink so far are then to be discarded).
     */
    private static Optional<String> streaming(
            List<InputSource> sources,
            InputStream standardInput,
            PassContext context,
            ReadStats stats,
            OutcomeSink sink)
            throws InputFileException, IOException, InterruptedException {
        OrderedEvaluation evaluation = context.evaluation();
        Thread reader =
                new Thread(
                        new StreamingPass(
                                sources, standardInput, evaluation, stats, context.parser()),
                        "claim-scrubber-reader");
        reader.start();
        try {
            return evaluation.drainTo(sink, context.writeNanos);
        } finally {
            reader.interrupt();
            reader.join();
        }
    }

    private static void watch(Options options, ReadStats stats) {
        if (options.progress() != null) {
            options.progress().watch(stats);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "claim-scrubber-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
