package org.claimscrubber.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.ReadOptions;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.input.SourceReader;
import org.claimscrubber.report.OutcomeTally;
import org.claimscrubber.report.RunManifest;
import org.claimscrubber.report.Summary;
import org.claimscrubber.setup.RunSetup;
import org.claimscrubber.setup.RunSources;

/**
 * One Spark job, on the driver: loads and compiles what the local run does (so the same mistakes give the same
 * sentences, before any executor starts), ships the text to the executors, and writes the outputs.
 *
 * <p>The plan: one task per input file reads it and keys each row by claim id; the rows are shuffled so that a
 * claim's rows meet in one partition, sorted by claim id and position; each partition is scrubbed chunk by chunk;
 * the findings are sorted into the order of the inputs and written as CSV parts; the counts are added up.
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
    record Result(int exitCode, String summary) {
    }

    /** Input bytes per claim partition at least (more partitions than cores balances claims of unequal size). */
    private static final long BYTES_PER_PARTITION = 64L << 20;
    private static final int PARTITIONS_PER_CORE = 4;

    private final JobSettings settings;

    SparkRun(JobSettings settings) {
        this.settings = settings;
    }

    /**
     * In local mode, unless the user chose {@code spark.local.dir} (or SPARK_LOCAL_DIRS), the shuffle and spill files
     * go to a folder of the job's own that only the user may read ({@link ScratchDir}); closed after the context.
     */
    private static ScratchDir privateScratch(SparkConf conf, String jobId) throws OutputException {
        if (!conf.get("spark.master").startsWith("local") || conf.contains("spark.local.dir")
                || System.getenv("SPARK_LOCAL_DIRS") != null) {
            return null;
        }
        try {
            ScratchDir scratch = ScratchDir.open(ScratchDir.defaultParent(), jobId);
            conf.set("spark.local.dir", scratch.dir().toString());
            return scratch;
        } catch (IOException e) {
            throw new OutputException("the job's private scratch folder under " + ScratchDir.defaultParent()
                    + " cannot be made: " + e.getMessage(), e);
        }
    }

    Result run(Instant started)
            throws ConfigException, RulesException, FactsException, InputFileException, OutputException {
        long t0 = System.nanoTime();
        RunSources given = settings.sources();
        RunSetup setup = RunSetup.load(given);
        RuleSet ruleSet = setup.rules().source();
        Severity holdOn = setup.holdOn(settings.policy().holdOn());
        ReadOptions reading = setup.reading(settings.policy().separator()).skipping(settings.policy().skipLines());
        JobFiles.Folders folders = folders(given);

        // Submitted without --master (the class run directly, for a try), the job runs in local mode on every core.
        SparkConf conf = new SparkConf().setAppName("claim-scrubber").setIfMissing("spark.master", "local[*]");
        String jobId = UUID.randomUUID().toString();
        try (ScratchDir scratch = privateScratch(conf, jobId);
             JavaSparkContext sc = new JavaSparkContext(conf);
             JobLock lock = lock(sc.hadoopConfiguration(), jobId)) {
            Configuration hadoop = sc.hadoopConfiguration();
            recover(hadoop);
            List<InputPath> inputs = InputPaths.resolve(settings.inputs(), hadoop, settings.glob());
            List<SourceInfo> sources = headers(inputs, reading, hadoop);
            JobFiles job = new JobFiles(jobId, ruleSet, folders,
                    new JobFiles.Settings(settings.policy().today(), holdOn, reading), sources);
            WorkerRules.share(job.key(), setup);
            Broadcast<JobFiles> shipped = sc.broadcast(job);
            CollectionAccumulator<FileStats> read = sc.sc().collectionAccumulator("input files read");
            int partitions = partitions(sc, inputs);
            long t1 = System.nanoTime();

            JavaRDD<ScrubbedChunk> chunks = sc.parallelize(inputs, Math.max(1, inputs.size()))
                    .flatMapToPair(new RowReader(shipped, read, SerializableConfiguration.broadcast(sc.sc(), hadoop)))
                    .repartitionAndSortWithinPartitions(new ClaimPartitioner(partitions))
                    .mapPartitions(new PartitionScrubber(shipped))
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            OutcomeTally tally = chunks.map(ScrubbedChunk::tally).fold(new OutcomeTally(holdOn), OutcomeTally::merge);

            FindingsOutput output = output(hadoop);
            String attempt = output.attempt(job.key());
            RunManifest manifest;
            try {
                chunks.flatMapToPair(chunk -> chunk.findings().iterator())
                        .sortByKey(true, partitions)
                        .values()
                        .mapPartitions(FindingsOutput::withHeader)
                        .saveAsTextFile(attempt);
                chunks.unpersist(false);
                List<FileStats> files = filesRead(read.value(), inputs.size());
                Map<String, Long> timings = new LinkedHashMap<>(setup.timings());
                timings.put("prepare_wall", (t1 - t0) / 1_000_000);
                timings.put("total_wall", (System.nanoTime() - t0) / 1_000_000);
                manifest = setup.manifest(started, settings.policy().failOn(), tally,
                        files.stream().map(FileStats::file).toList(), "spark (" + sc.master() + "): " + inputs.size()
                                + " input task(s), " + partitions + " claim partitions",
                        files.stream().mapToLong(FileStats::blankLines).sum(), output.reports(),
                        new RunManifest.Costs(timings, new RunManifest.Resources(sc.defaultParallelism(), -1, -1, -1)));
                commit(output, attempt, manifest);
            } finally {
                output.discard(attempt); // a job that failed before its commit leaves nothing beside the old result
            }
            return new Result(manifest.exitCode(), Summary.of(manifest, output.display()));
        }
    }

    /** The seeds and reference files as the executors get them, and the config's bytes. */
    private static JobFiles.Folders folders(RunSources given) throws FactsException {
        try {
            ShippedFolder reference = given.reference() == null ? null
                    : ShippedFolder.read(BundledFiles.Located.given(given.reference()));
            byte[] config = given.config() == null ? null : Files.readAllBytes(given.config());
            return new JobFiles.Folders(ShippedFolder.read(given.seeds()), reference, config);
        } catch (IOException e) {
            throw new FactsException("the seeds, reference files or config cannot be read to ship them: " + e.getMessage());
        }
    }

    /** Each input's header, read on the driver with the local reader: an unusable file stops the job before it starts. */
    private static List<SourceInfo> headers(List<InputPath> inputs, ReadOptions reading, Configuration hadoop)
            throws InputFileException {
        List<SourceInfo> sources = new ArrayList<>();
        for (InputPath input : inputs) {
            try (SourceReader reader = new SourceReader(RowReader.source(input, reading), RowReader.open(input, hadoop))) {
                sources.add(SourceInfo.of(input.index(), input.name(), reader));
            } catch (IOException e) {
                throw new InputFileException(input.name() + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return sources;
    }

    private int partitions(JavaSparkContext sc, List<InputPath> inputs) {
        if (settings.partitions() > 0) {
            return settings.partitions();
        }
        long bytes = inputs.stream().mapToLong(InputPath::size).sum();
        return (int) Math.max(PARTITIONS_PER_CORE * (long) sc.defaultParallelism(), bytes / BYTES_PER_PARTITION + 1);
    }

    /** One entry per input, in input order; a task run twice (a lost executor) reports its file twice. */
    private static List<FileStats> filesRead(List<FileStats> reported, int inputs) {
        Map<Integer, FileStats> byIndex = new TreeMap<>();
        for (FileStats stats : reported) {
            byIndex.putIfAbsent(stats.index(), stats);
        }
        if (byIndex.size() != inputs) {
            throw new IllegalStateException(inputs + " inputs but " + byIndex.size() + " were reported read");
        }
        return new ArrayList<>(byIndex.values());
    }

    /** The --out folder's lock, as run takes it (see {@link JobLock}); a folder another job holds is refused. */
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

    /** Under the folder's lock: a result a killed job committed is put in place, what it left half-done removed. */
    private void recover(Configuration hadoop) throws OutputException {
        FindingsOutput output = output(hadoop);
        try {
            output.recover();
        } catch (IOException e) {
            throw new OutputException(output.display() + ": what an earlier job left cannot be tidied: "
                    + e.getMessage(), e);
        }
    }

    /** Stages the job's result whole beside the old one, then swaps it in (see {@link FindingsOutput}). */
    private static void commit(FindingsOutput output, String attempt, RunManifest manifest) throws OutputException {
        try {
            output.stage(attempt, FindingsOutput.json(manifest));
        } catch (IOException e) {
            throw new OutputException(output.display() + ": the findings cannot be written: " + e.getMessage(), e);
        }
        try {
            output.swap(attempt);
        } catch (IOException e) {
            throw new OutputException(output.display() + ": the findings cannot be moved into place (the next job"
                    + " finishes it): " + e.getMessage(), e);
        }
    }
}
