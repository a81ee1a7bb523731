package org.claimscrubber.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.input.InputFile;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.ReadCounts;
import org.claimscrubber.input.ReadOptions;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.input.SourceReader;
import org.claimscrubber.report.OutcomeTally;
import org.claimscrubber.report.RunManifest;
import org.claimscrubber.report.Summary;
import org.claimscrubber.setup.RunSetup;
import org.claimscrubber.setup.RunSources;
import scala.Tuple2;

/**
 * One Spark job, on the driver: loads and compiles what the local run does (so the same mistakes
 * give the same sentences, before any executor starts), ships the text to the executors, and writes
 * the outputs.
 *
 * <p>The plan: one task per input file reads it and keys each row by claim id; the rows are
 * shuffled so that a claim's rows meet in one partition, sorted by claim id and position; each
 * partition is scrubbed chunk by chunk; the findings are sorted into the order of the inputs and
 * written as CSV parts; the counts are added up.
 */
final class SparkRun {

    /** The output folder cannot be written. */
    static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The job's exit code and the summary it prints. */
    record Result(int exitCode, String summary) {}

    /**
     * Input bytes per claim partition at least (more partitions than cores balances claims of
     * unequal size).
     */
    private static final long BYTES_PER_PARTITION = 64L << 20;

    private static final int PARTITIONS_PER_CORE = 4;

    private final JobSettings settings;

    SparkRun(JobSettings settings) {
        this.settings = settings;
    }

    /**
     * In local mode, unless the user chose {@code spark.local.dir} (or SPARK_LOCAL_DIRS), the
     * shuffle and spill files go to a folder of the job's own that only the user may read ({@link
     * ScratchDir}); closed after the context.
     */
    private static ScratchDir privateScratch(SparkConf conf, String jobId) throws OutputException {
        if (!conf.get("spark.master").startsWith("local")
                || conf.contains("spark.local.dir")
                || System.getenv("SPARK_LOCAL_DIRS") != null) {
            return null;
        }
        try {
            ScratchDir scratch = ScratchDir.open(ScratchDir.defaultParent(), jobId);
            conf.set("spark.local.dir", scratch.dir().toString());
            return scratch;
        } catch (IOException e) {
            throw new OutputException(
                    "the job's private scratch folder under "
                            + ScratchDir.defaultParent()
                            + " cannot be made: "
                            + e.getMessage(),
                    e);
        }
    }

    Result run(Instant started)
            throws ConfigException,
                    RulesException,
                    FactsException,
                    InputFileException,
                    OutputException {
        long t0 = System.nanoTime();
        RunSources given = settings.sources();
        RunSetup setup = RunSetup.load(given);
        RuleSet ruleSet = setup.rules().source();
        Severity holdOn = setup.holdOn(settings.policy().holdOn());
        ReadOptions reading =
                setup.reading(settings.policy().separator())
                        .skipping(settings.policy().skipLines());
        JobFiles.Folders folders = folders(given);

        // Submitted without --master (the class run directly, for a try), the job runs in local
        // mode on every core.
        SparkConf conf =
                new SparkConf()
                        .setAppName("claim-scrubber")
                        .setIfMissing("spark.master", "local[*]");
        String jobId = UUID.randomUUID().toString();
        try (ScratchDir scratch = privateScratch(conf, jobId);
                JavaSparkContext sc = new JavaSparkContext(conf);
                JobLock lock = lock(sc.hadoopConfiguration(), jobId)) {
            Configuration hadoop = sc.hadoopConfiguration();
            recover(hadoop);
            List<InputPath> inputs = InputPaths.resolve(settings.inputs(), hadoop, settings.glob());
            List<SourceInfo> sources = headers(inputs, reading, hadoop);
            JobFiles job =
                    new JobFiles(
                            jobId,
                            ruleSet,
                            folders,
                            new JobFiles.Settings(settings.policy().today(), holdOn, reading),
                            sources);
            WorkerRules.share(job.key(), setup);
            Broadcast<JobFiles> shipped = sc.broadcast(job);
            CollectionAccumulator<FileStats> read =
                    sc.sc().collectionAccumulator("input files read");
            Broadcast<SerializableConfiguration> shippedHadoop =
                    SerializableConfiguration.broadcast(sc.sc(), hadoop);
            long totalBytes = inputs.stream().mapToLong(InputPath::size).sum();
            long partBytes =
                    PartPlan.partBytes(settings.partBytes(), totalBytes, sc.defaultParallelism());
            long t1 = System.nanoTime();

            // Each input is read in parts, and each part's claims are scrubbed where they were read
            // (no shuffle).
            List<FileIndexer.Task> indexTasks = PartPlan.indexTasks(inputs, partBytes);
            List<FileIndexer.Result> index =
                    indexTasks.isEmpty()
                            ? List.of()
                            : sc.parallelize(indexTasks, indexTasks.size())
                                    .mapPartitions(new FileIndexer(shipped, shippedHadoop))
                                    .collect();
            List<Part> parts = PartPlan.parts(inputs, partBytes, index);
            JavaRDD<ScrubbedChunk> inPlace =
                    sc.parallelize(parts, parts.size())
                            .mapPartitions(new PartTask(shipped, shippedHadoop))
                            .persist(StorageLevel.MEMORY_AND_DISK_SER());
            List<PartSummary> summaries =
                    inPlace.filter(chunk -> chunk.summary() != null)
                            .map(chunk -> chunk.summary().withoutClaims())
                            .collect();
            // The inputs whose claims were not grouped after all go through the shuffle, as every
            // input once did.
            Set<Integer> shuffled = ungrouped(inPlace, summaries, parts.size() > 1);
            List<InputPath> toShuffle =
                    inputs.stream().filter(input -> shuffled.contains(input.index())).toList();
            int partitions = partitions(sc, toShuffle);
            JavaRDD<ScrubbedChunk> chunks =
                    inPlace.filter(chunk -> !shuffled.contains(chunk.input()));
            if (!toShuffle.isEmpty()) {
                chunks =
                        chunks.union(
                                sc.parallelize(toShuffle, toShuffle.size())
                                        .flatMapToPair(new RowReader(shipped, read, shippedHadoop))
                                        .repartitionAndSortWithinPartitions(
                                                new ClaimPartitioner(partitions))
                                        .mapPartitions(new ShuffledPartitionTask(shipped))
                                        .persist(StorageLevel.MEMORY_AND_DISK_SER()));
            }
            OutcomeTally tally =
                    chunks.map(ScrubbedChunk::tally)
                            .fold(new OutcomeTally(holdOn), OutcomeTally::merge);
            String plan = plan(parts, inputs, toShuffle, partitions);

            FindingsOutput output = output(hadoop);
            String attempt = output.attempt(job.key());
            RunManifest manifest;
            try {
                // Parts are in input order and each part's findings in claim order: when no input
                // was shuffled, the
                // parts' findings are written as they are, with no sort.
                JavaRDD<String> findings =
                        toShuffle.isEmpty()
                                ? chunks.flatMap(
                                        chunk ->
                                                chunk.findings().stream()
                                                        .map(Tuple2::_2)
                                                        .iterator())
                                : chunks.flatMapToPair(chunk -> chunk.findings().iterator())
                                        .sortByKey(true, Math.max(1, sc.defaultParallelism()))
                                        .values();
                findings.mapPartitions(FindingsOutput::withHeader).saveAsTextFile(attempt);
                sc.getPersistentRDDs().values().forEach(rdd -> rdd.unpersist(false));
                FilesRead files =
                        filesRead(
                                inputs, sources, summaries, index, shuffled, read.value(), reading);
                Map<String, Long> timings = new LinkedHashMap<>(setup.timings());
                timings.put("prepare_wall", (t1 - t0) / 1_000_000);
                timings.put("total_wall", (System.nanoTime() - t0) / 1_000_000);
                manifest =
                        setup.manifest(
                                started,
                                settings.policy().failOn(),
                                tally,
                                files.files(),
                                "spark (" + sc.master() + "): " + plan,
                                files.blankLines(),
                                output.reports(),
                                new RunManifest.Costs(
                                        timings,
                                        new RunManifest.Resources(
                                                sc.defaultParallelism(), -1, -1, -1)));
                commit(output, attempt, manifest);
            } finally {
                // a job that failed before its commit leaves nothing beside the old result
                output.discard(attempt);
            }
            return new Result(
                    manifest.exitCode(),
                    Summary.of(manifest, output.display()) + "spark: " + plan + "\n");
        }
    }

    /** The seeds and reference files as the executors get them, and the config's bytes. */
    private static JobFiles.Folders folders(RunSources given) throws FactsException {
        try {
            ShippedFolder reference =
                    given.reference() == null
                            ? null
                            : ShippedFolder.read(BundledFiles.Located.given(given.reference()));
            byte[] config = given.config() == null ? null : Files.readAllBytes(given.config());
            return new JobFiles.Folders(ShippedFolder.read(given.seeds()), reference, config);
        } catch (IOException e) {
            throw new FactsException(
                    "the seeds, reference files or config cannot be read to ship them: "
                            + e.getMessage());
        }
    }

    /**
     * Each input's header, read on the driver with the local reader: an unusable file stops the job
     * before it starts.
     */
    private static List<SourceInfo> headers(
            List<InputPath> inputs, ReadOptions reading, Configuration hadoop)
            throws InputFileException {
        List<SourceInfo> sources = new ArrayList<>();
        for (InputPath input : inputs) {
            try (SourceReader reader =
                    new SourceReader(
                            RowReader.source(input, reading), RowReader.open(input, hadoop))) {
                sources.add(SourceInfo.of(input.index(), input.name(), reader));
            } catch (IOException e) {
                throw new InputFileException(
                        input.name() + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return sources;
    }

    private int partitions(JavaSparkContext sc, List<InputPath> inputs) {
        if (settings.partitions() > 0) {
            return settings.partitions();
        }
        long bytes = inputs.stream().mapToLong(InputPath::size).sum();
        return (int)
                Math.max(
                        PARTITIONS_PER_CORE * (long) sc.defaultParallelism(),
                        bytes / BYTES_PER_PARTITION + 1);
    }

    /**
     * The inputs whose claims must go through the shuffle after all: a part that saw a claim id
     * come back after another claim began, or a line end inside a quoted field (then its cuts may
     * not be row starts), and the inputs of a claim id that two parts read (a claim across a cut,
     * or across files). Found with a shuffle of one 64-bit hash per claim, not of the rows; the
     * driver receives input numbers only.
     */
    private static Set<Integer> ungrouped(
            JavaRDD<ScrubbedChunk> inPlace, List<PartSummary> summaries, boolean severalParts) {
        Set<Integer> inputs = new TreeSet<>();
        for (PartSummary summary : summaries) {
            if (!summary.grouped() || summary.counts().spansLines()) {
                inputs.add(summary.part().input().index());
            }
        }
        if (severalParts) {
            int buckets = Math.max(1, inPlace.getNumPartitions());
            inputs.addAll(
                    inPlace.filter(chunk -> chunk.summary() != null)
                            .flatMapToPair(chunk -> ClaimHashes.slices(chunk.summary(), buckets))
                            .groupByKey(buckets)
                            .flatMap(bucket -> ClaimHashes.sharedInputs(bucket._2()).iterator())
                            .distinct()
                            .collect());
        }
        return inputs;
    }

    /**
     * Each input's run.json entry, in input order: from its parts' counts, or from the shuffle's
     * reading of it.
     */
    private static FilesRead filesRead(
            List<InputPath> inputs,
            List<SourceInfo> sources,
            List<PartSummary> summaries,
            List<FileIndexer.Result> index,
            Set<Integer> shuffled,
            List<FileStats> reported,
            ReadOptions reading) {
        long blankLines = 0;
        Map<Integer, FileStats> byShuffle = new TreeMap<>();
        for (FileStats stats : reported) {
            byShuffle.putIfAbsent(
                    stats.index(),
                    stats); // a task run twice (a lost executor) reports its file twice
        }
        Map<Integer, List<PartSummary>> byInput = new TreeMap<>();
        for (PartSummary summary : summaries) {
            byInput.computeIfAbsent(summary.part().input().index(), i -> new ArrayList<>())
                    .add(summary);
        }
        List<InputFile> files = new ArrayList<>();
        for (InputPath input : inputs) {
            if (shuffled.contains(input.index())) {
                FileStats stats = byShuffle.get(input.index());
                if (stats == null) {
                    throw new IllegalStateException(
                            input.name() + " was shuffled but not reported read");
                }
                files.add(stats.file());
                blankLines += stats.blankLines();
                continue;
            }
            List<PartSummary> parts = byInput.get(input.index());
            parts.sort(Comparator.comparingInt(summary -> summary.part().index()));
            if (parts.size() == 1 && parts.get(0).file() != null) {
                files.add(parts.get(0).file());
                blankLines += parts.get(0).counts().blankLines();
                continue;
            }
            ReadCounts counts = parts.get(0).counts();
            for (PartSummary part : parts.subList(1, parts.size())) {
                counts = counts.then(part.counts());
            }
            FileIndexer.Result scan =
                    index.stream()
                            .filter(
                                    result ->
                                            result.input() == input.index()
                                                    && result.scan() != null)
                            .findFirst()
                            .orElseThrow();
            files.add(
                    SourceReader.describe(
                            RowReader.source(input, reading),
                            scan.scan().sha256(),
                            scan.scan().bytes(),
                            counts,
                            sources.get(input.index()).columns(),
                            scan.changed()));
            blankLines += counts.blankLines();
        }
        return new FilesRead(files, blankLines);
    }

    /** The inputs' run.json entries, and the blank lines they held. */
    private record FilesRead(List<InputFile> files, long blankLines) {}

    /** How the job read its inputs, for run.json's mode and the summary. */
    private static String plan(
            List<Part> parts, List<InputPath> inputs, List<InputPath> shuffled, int partitions) {
        long inPlace =
                parts.stream()
                        .filter(
                                part ->
                                        shuffled.stream()
                                                .noneMatch(
                                                        input ->
                                                                input.index()
                                                                        == part.input().index()))
                        .count();
        String said =
                plural(inputs.size() - shuffled.size(), "input")
                        + " read as "
                        + plural(inPlace, "part")
                        + ", each scrubbed where it was read";
        if (shuffled.isEmpty()) {
            return said;
        }
        return said
                + "; "
                + plural(shuffled.size(), "input")
                + " whose claims are not grouped by claim id ("
                + String.join(", ", shuffled.stream().limit(5).map(InputPath::name).toList())
                + (shuffled.size() > 5 ? ", ..." : "")
                + ") shuffled by claim into "
                + plural(partitions, "partition");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /**
     * The --out folder's lock, as run takes it (see {@link JobLock}); a folder another job holds is
     * refused.
     */
    private JobLock lock(Configuration hadoop, String jobId) throws OutputException {
        try {
            return JobLock.take(settings.out(), hadoop, jobId);
        } catch (JobLock.Busy e) {
            throw new OutputException(e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new OutputException(settings.out() + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private FindingsOutput output(Configuration hadoop) throws OutputException {
        try {
            return new FindingsOutput(settings.out(), hadoop);
        } catch (IOException | IllegalArgumentException e) {
            throw new OutputException(settings.out() + ": cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Under the folder's lock: a result a killed job committed is put in place, what it left
     * half-done removed.
     */
    private void recover(Configuration hadoop) throws OutputException {
        FindingsOutput output = output(hadoop);
        try {
            output.recover();
        } catch (IOException e) {
            throw new OutputException(
                    output.display()
                            + ": what an earlier job left cannot be tidied: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Stages the job's result whole beside the old one, then swaps it in (see {@link
     * FindingsOutput}).
     */
    private static void commit(FindingsOutput output, String attempt, RunManifest manifest)
            throws OutputException {
        try {
            output.stage(attempt, FindingsOutput.json(manifest));
        } catch (IOException e) {
            throw new OutputException(
                    output.display() + ": the findings cannot be written: " + e.getMessage(), e);
        }
        try {
            output.swap(attempt);
        } catch (IOException e) {
            throw new OutputException(
                    output.display()
                            + ": the findings cannot be moved into place (the next job"
                            + " finishes it): "
                            + e.getMessage(),
                    e);
        }
    }
}
