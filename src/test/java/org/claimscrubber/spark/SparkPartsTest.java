package org.claimscrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.claimscrubber.cli.ExitCodes;
import org.claimscrubber.cli.Main;
import org.claimscrubber.input.InputFile;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.ReadOptions;
import org.claimscrubber.input.SourceReader;
import org.claimscrubber.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/** The Spark job's parts that need no cluster: keys, partitioning, input listing, part headers. */
class SparkPartsTest {

    @TempDir Path dir;

    @Test
    void aClaimIdTwoPartsReadIsFoundInWhicheverBucketItsHashFalls() {
        InputPath a = new InputPath(0, "a.csv", "file:/a.csv", 100);
        InputPath b = new InputPath(1, "b.csv", "file:/b.csv", 100);
        List<PartSummary> parts =
                List.of(
                        summary(new Part(0, a, 0, 0, 50, 1), "C1", "C2", "C3"),
                        summary(new Part(1, a, 1, 50, -1, 9), "C4", "C5"),
                        summary(new Part(2, b, 0, 0, -1, 1), "C6", "C2"));
        for (int buckets : new int[] {1, 2, 3, 7}) {
            List<List<ClaimHashes.Slice>> byBucket = new ArrayList<>();
            for (int i = 0; i < buckets; i++) {
                byBucket.add(new ArrayList<>());
            }
            int hashes = 0;
            for (PartSummary part : parts) {
                for (Iterator<Tuple2<Integer, ClaimHashes.Slice>> it =
                                ClaimHashes.slices(part, buckets);
                        it.hasNext(); ) {
                    Tuple2<Integer, ClaimHashes.Slice> slice = it.next();
                    for (long hash : slice._2().hashes()) {
                        assertThat(ClaimHashes.bucketOf(hash, buckets)).isEqualTo(slice._1());
                    }
                    hashes += slice._2().hashes().length;
                    byBucket.get(slice._1()).add(slice._2());
                }
            }
            assertThat(hashes).isEqualTo(7);
            Set<Integer> shared = new HashSet<>();
            byBucket.forEach(slices -> shared.addAll(ClaimHashes.sharedInputs(slices)));
            assertThat(shared)
                    .as("%d buckets", buckets)
                    .containsExactlyInAnyOrder(0, 1); // C2, in a.csv and b.csv
        }
    }

    private static PartSummary summary(Part part, String... claimIds) {
        PartTask.ClaimIds ids = new PartTask.ClaimIds();
        for (String id : claimIds) {
            ids.add(id);
        }
        long[] sorted = ids.sorted();
        return new PartSummary(part, null, null, !ids.repeats(sorted), sorted);
    }

    @Test
    void aClaimsRowsSortTogetherInTheOrderTheyWereRead() {
        List<ClaimKey> keys =
                new ArrayList<>(
                        List.of(
                                new ClaimKey("B", ClaimKey.position(1, 0)),
                                new ClaimKey("A", ClaimKey.position(1, 5)),
                                new ClaimKey("B", ClaimKey.position(0, 9)),
                                new ClaimKey("A", ClaimKey.position(0, 2))));
        keys.sort(null);
        assertThat(keys).extracting(ClaimKey::claimId).containsExactly("A", "A", "B", "B");
        // Input 0 comes before input 1 whatever the row index within the input.
        assertThat(keys.get(2).position()).isEqualTo(ClaimKey.position(0, 9));
        assertThat(ClaimKey.position(0, 9)).isLessThan(ClaimKey.position(1, 0));
    }

    @Test
    void everyRowOfAClaimGoesToOnePartitionAndRowsWithoutAClaimIdSpread() {
        ClaimPartitioner partitioner = new ClaimPartitioner(8);
        int partition = partitioner.getPartition(new ClaimKey("CLM-1001", ClaimKey.position(0, 1)));
        for (int row = 0; row < 100; row++) {
            assertThat(
                            partitioner.getPartition(
                                    new ClaimKey("CLM-1001", ClaimKey.position(row % 3, row))))
                    .isEqualTo(partition);
        }
        Set<Integer> used = new HashSet<>();
        for (int row = 0; row < 100; row++) {
            used.add(partitioner.getPartition(new ClaimKey("", ClaimKey.position(0, row))));
        }
        assertThat(used).hasSizeGreaterThan(1);
    }

    /**
     * Issue 25: --delimiter foo was a stack trace and exit 4; it is run's sentence and exit 2,
     * before Spark starts.
     */
    @Test
    void aBadDelimiterIsRunsSentenceAndExitCode() throws Exception {
        Path claims = Files.writeString(dir.resolve("claims.csv"), "claim_id\nC1\n");
        StringWriter err = new StringWriter();
        int exit =
                Main.execute(
                        new SparkScrubJob(),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        "--delimiter",
                        "foo",
                        "--out",
                        dir.resolve("out").toString(),
                        claims.toString());
        StringWriter runErr = new StringWriter();
        int runExit =
                Main.execute(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(runErr),
                        "run",
                        "--delimiter",
                        "foo",
                        "--out",
                        dir.resolve("out2").toString(),
                        claims.toString());
        assertThat(exit).isEqualTo(runExit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("--delimiter:")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(err.toString().lines().findFirst())
                .isEqualTo(runErr.toString().lines().findFirst());
    }

    /**
     * Issue 25: two jobs into one --out both exited 0, one's run.json beside the other's findings.
     */
    @Test
    void aJobHoldsItsOutputFolderAgainstAnotherJobAndAgainstRun() throws Exception {
        Configuration conf = new Configuration();
        String out = dir.resolve("out").toString();
        try (JobLock first = JobLock.take(out, conf, "job-1")) {
            assertThatThrownBy(() -> JobLock.take(out, conf, "job-2"))
                    .isInstanceOf(JobLock.Busy.class)
                    .hasMessageContaining("another job or run is writing this folder");
            assertThatThrownBy(() -> new ReportFiles(dir.resolve("out"), false))
                    .isInstanceOf(IOException.class);
        }
        try (JobLock again = JobLock.take(out, conf, "job-3")) {
            assertThat(again).isNotNull();
        }
    }

    /**
     * Issue 25: Spark's shuffle files (claim rows) stayed world-readable in /tmp/blockmgr-* after a
     * kill. A local job's scratch folder is its own, under a parent only the user may enter; what a
     * killed job left is removed by the next job, and a running job's folder is not.
     */
    @Test
    void aLocalJobsScratchFolderIsPrivateAndWhatAKilledJobLeftIsRemoved() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("scratch"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path killed = Files.createDirectories(parent.resolve("killed-job").resolve("blockmgr-1"));
        Files.writeString(killed.resolve("shuffle_0_0_0.data"), "C1,1,2026-11-02,99213,PATIENT-7");
        Files.writeString(parent.resolve("killed-job.lock"), "");
        try (ScratchDir running = ScratchDir.open(parent, "job-a")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent)))
                    .isEqualTo("rwx------");
            assertThat(parent.resolve("killed-job")).doesNotExist();
            assertThat(parent.resolve("killed-job.lock")).doesNotExist();
            assertThat(running.dir()).isDirectory().hasParent(parent);
            try (ScratchDir second = ScratchDir.open(parent, "job-b")) {
                assertThat(running.dir()).isDirectory(); // job-a is running: its folder stays
                assertThat(second.dir()).isDirectory();
            }
            assertThat(parent.resolve("job-b")).doesNotExist();
        }
        assertThat(parent.resolve("job-a")).doesNotExist();
        assertThat(parent.resolve("job-a.lock")).doesNotExist();
    }

    /**
     * Issue 25: a local file that grew while the job read it got no "changed while it was read"
     * warning.
     */
    @Test
    void aLocalFileThatChangedSinceTheJobStartedIsSaidToHaveChanged() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("growing.csv"),
                        "claim_id,line_number,date_of_service,procedure_code\nC1,1,2026-11-02,99213\nC2,1,2026-11-02,99213\n");
        long sizeWhenTheJobStarted = Files.size(file) - 20;
        InputPath input =
                new InputPath(0, "growing.csv", file.toUri().toString(), sizeWhenTheJobStarted);
        InputFile read;
        try (SourceReader reader =
                new SourceReader(
                        RowReader.source(input, ReadOptions.DETECT),
                        RowReader.open(input, new Configuration()))) {
            while (reader.next() != null) {
                continue;
            }
            read = reader.stats();
        }
        assertThat(read.warning())
                .contains(
                        "the file changed while it was read (" + sizeWhenTheJobStarted + " bytes");
        InputPath unchanged =
                new InputPath(0, "growing.csv", file.toUri().toString(), Files.size(file));
        try (SourceReader reader =
                new SourceReader(
                        RowReader.source(unchanged, ReadOptions.DETECT),
                        RowReader.open(unchanged, new Configuration()))) {
            while (reader.next() != null) {
                continue;
            }
            assertThat(reader.stats().warning()).isNull();
        }
    }

    /**
     * Issue 25: claims[1].csv read claims1.csv, q?.csv read qx.csv, and a colon in a name was a
     * stack trace.
     */
    @Test
    void aNameTheUserGivesIsAPathNotAPattern() throws Exception {
        Files.writeString(dir.resolve("claims1.csv"), "x");
        Files.writeString(dir.resolve("qx.csv"), "x");
        Files.writeString(dir.resolve("nightly 2026-11-24T02:00.csv"), "x");
        Configuration conf = new Configuration();
        assertThatThrownBy(
                        () ->
                                InputPaths.resolve(
                                        List.of(dir.resolve("claims[1].csv").toString()), conf))
                .isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("claims[1].csv: no such file or directory");
        assertThatThrownBy(
                        () -> InputPaths.resolve(List.of(dir.resolve("q?.csv").toString()), conf))
                .isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("q?.csv: no such file or directory");
        Files.writeString(dir.resolve("claims[1].csv"), "x");
        assertThat(InputPaths.resolve(List.of(dir.resolve("claims[1].csv").toString()), conf))
                .singleElement()
                .satisfies(input -> assertThat(input.uri()).endsWith("claims[1].csv"));
        String colon = dir.resolve("nightly 2026-11-24T02:00.csv").toString();
        assertThat(InputPaths.resolve(List.of(colon), conf))
                .extracting(InputPath::name)
                .containsExactly(colon);
        try (var in = RowReader.open(InputPaths.resolve(List.of(colon), conf).get(0), conf)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("x");
        }
        // a stale Hadoop checksum beside an export (left by an earlier tool) is not the export's
        // business
        Files.writeString(dir.resolve(".qx.csv.crc"), "stale checksum");
        try (var in =
                RowReader.open(
                        InputPaths.resolve(List.of(dir.resolve("qx.csv").toString()), conf).get(0),
                        conf)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("x");
        }
    }

    @Test
    void inputsAreFilesAsGivenDirectoriesByNameAndGlobs() throws Exception {
        Files.writeString(dir.resolve("b.csv"), "x");
        Files.writeString(dir.resolve("a.csv.gz"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Configuration conf = new Configuration();

        List<InputPath> listed = InputPaths.resolve(List.of(dir.toString()), conf);
        assertThat(listed)
                .extracting(InputPath::name)
                .containsExactly(dir + "/a.csv.gz", dir + "/b.csv");
        assertThat(listed).extracting(InputPath::index).containsExactly(0, 1);

        String given = dir.resolve("b.csv").toString();
        assertThat(InputPaths.resolve(List.of(given), conf))
                .extracting(InputPath::name)
                .containsExactly(given);
        assertThat(InputPaths.resolve(List.of(dir + "/*.csv*"), conf, true)).hasSize(2);

        assertThatThrownBy(
                        () ->
                                InputPaths.resolve(
                                        List.of(dir.resolve("missing.csv").toString()), conf))
                .isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("missing.csv: no such file or directory");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> InputPaths.resolve(List.of(empty.toString()), conf))
                .hasMessageContaining("directory holds no *.csv or *.csv.gz files");
    }

    /** An attempt of three parts, one empty, as Spark writes them. */
    private Path attempt(FindingsOutput output, String job) throws Exception {
        Path attempt = Path.of(output.attempt(job));
        Files.createDirectories(attempt);
        Files.writeString(attempt.resolve("part-00000"), "h\nC1,a\n");
        Files.writeString(attempt.resolve("part-00001"), "h\n");
        Files.writeString(attempt.resolve("part-00002"), "h\nC2,b\nC3,c\n");
        return attempt;
    }

    private void oldResult() throws Exception {
        Files.createDirectories(dir.resolve("findings"));
        Files.writeString(dir.resolve("findings/part-00000.csv"), "old\n");
        Files.writeString(dir.resolve("findings.csv"), "old\n");
        Files.writeString(dir.resolve("run.json"), "{\"old\": true}");
    }

    @Test
    void theAttemptsPartsReplaceTheOldFindingsAndMergeInOrderWithOneHeader() throws Exception {
        FindingsOutput output = new FindingsOutput(dir.toString(), new Configuration());
        oldResult();
        Files.writeString(dir.resolve("report.html"), "a run's report");
        Files.writeString(dir.resolve("findings.json"), "[]");
        Path attempt = attempt(output, "job-1");

        assertThat(output.reports()).containsExactly("findings/", "findings.csv", "run.json");
        output.stage(attempt.toString(), "{\"new\": true}");
        assertThat(Files.readString(dir.resolve("run.json")))
                .as("staging touches nothing current")
                .contains("old");
        assertThat(Files.readString(dir.resolve("findings.csv"))).isEqualTo("old\n");
        output.swap(attempt.toString());
        assertThat(Files.readString(dir.resolve("findings.csv")))
                .isEqualTo("h\nC1,a\nC2,b\nC3,c\n");
        assertThat(Files.readString(dir.resolve("findings/part-00000.csv"))).isEqualTo("h\nC1,a\n");
        assertThat(Files.readString(dir.resolve("run.json"))).contains("new");
        assertThat(dir.resolve("report.html"))
                .as("a run's report does not stay beside a job's run.json")
                .doesNotExist();
        assertThat(dir.resolve("findings.json")).doesNotExist();
        assertThat(attempt).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("_findings-"));
        }
        output.discard(attempt.toString()); // nothing left to discard: no error
    }

    /**
     * Issue 25: a kill inside the commit deleted the old results and stranded the new parts in
     * _findings-<uuid>/.
     */
    @Test
    void aSwapCutShortByAKillIsFinishedByTheNextJob() throws Exception {
        FindingsOutput output = new FindingsOutput(dir.toString(), new Configuration());
        oldResult();
        Path attempt = attempt(output, "job-1");
        output.stage(attempt.toString(), "{\"new\": true}");
        // the kill: run.json and the old parts were removed, nothing else happened
        Files.delete(dir.resolve("run.json"));
        Files.delete(dir.resolve("findings/part-00000.csv"));
        Files.delete(dir.resolve("findings"));

        assertThat(new FindingsOutput(dir.toString(), new Configuration()).recover()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("run.json"))).contains("new");
        assertThat(Files.readString(dir.resolve("findings.csv")))
                .isEqualTo("h\nC1,a\nC2,b\nC3,c\n");
        assertThat(dir.resolve("findings/part-00002.csv")).exists();
        assertThat(attempt).doesNotExist();
    }

    /**
     * A job killed before its commit leaves the old result whole; the next job removes its attempt.
     */
    @Test
    void anAttemptKilledBeforeItsCommitIsRemovedAndTheOldResultKept() throws Exception {
        FindingsOutput output = new FindingsOutput(dir.toString(), new Configuration());
        oldResult();
        Path attempt = attempt(output, "job-1");
        Files.writeString(Path.of(attempt + ".findings.csv.partial"), "h\nC1");

        assertThat(new FindingsOutput(dir.toString(), new Configuration()).recover()).isZero();
        assertThat(attempt).doesNotExist();
        assertThat(Path.of(attempt + ".findings.csv.partial")).doesNotExist();
        assertThat(Files.readString(dir.resolve("run.json"))).contains("old");
        assertThat(Files.readString(dir.resolve("findings.csv"))).isEqualTo("old\n");
        assertThat(Files.readString(dir.resolve("findings/part-00000.csv"))).isEqualTo("old\n");

        Path staged = attempt(output, "job-2");
        output.stage(staged.toString(), "{}");
        output.discard(staged.toString());
        assertThat(staged).as("a committed attempt is left for the swap or the next job").exists();
    }

    @Test
    void everyPartStartsWithTheHeaderEvenWhenItHasNoFindings() {
        Iterator<String> empty = FindingsOutput.withHeader(List.<String>of().iterator());
        assertThat(empty.next()).startsWith("claim_id,line_number,severity");
        assertThat(empty.hasNext()).isFalse();
        Iterator<String> one = FindingsOutput.withHeader(List.of("C1,1,ERROR").iterator());
        one.next();
        assertThat(one.next()).isEqualTo("C1,1,ERROR");
    }
}
