package org.claimscrubber.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.input.ReadOptions;
import org.claimscrubber.input.SourceInfo;

/**
 * What every worker needs to scrub, shipped once with the job (a Spark broadcast): the DRL text,
 * the seed and reference files and the config, the run's settings and the inputs' headers. A
 * KieBase is not serialisable, so each worker compiles its own from this text (see {@link
 * WorkerRules}).
 *
 * @param key identifies this job's rules and facts, so a worker JVM compiles them once
 * @param sources each input's name, header and columns, by input index
 */
record JobFiles(
        String key, RuleSet rules, Folders folders, Settings settings, List<SourceInfo> sources)
        implements Serializable {

    /** The seeds, the --reference folder (or null) and the --config file's bytes (or null). */
    record Folders(ShippedFolder seeds, ShippedFolder reference, byte[] config)
            implements Serializable {}

    /** The day dates of service are checked against, the hold policy, and how inputs are read. */
    record Settings(LocalDate today, Severity holdOn, ReadOptions reading)
            implements Serializable {}

    /** The shipped folders as written on a worker. */
    record Local(BundledFiles.Located seeds, Path reference, Path config) {}

    ReadOptions reading() {
        return settings.reading();
    }

    /**
     * Writes the seeds, the reference files and the config under a fresh local folder of this
     * worker.
     */
    Local materialise() {
        try {
            Path dir = Files.createTempDirectory("claim-scrubber-job-");
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> deleteTree(dir), "claim-scrubber-job-files"));
            Path config = null;
            if (folders.config() != null) {
                config = dir.resolve("config.properties");
                Files.write(config, folders.config());
            }
            Path reference =
                    folders.reference() == null
                            ? null
                            : folders.reference().writeTo(dir.resolve("reference")).path();
            return new Local(folders.seeds().writeTo(dir.resolve("seeds")), reference, config);
        } catch (IOException e) {
            throw new UncheckedIOException("the job's files cannot be written on this worker", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // the JVM is exiting; a leftover temporary folder is all that can come of it
        }
    }
}
