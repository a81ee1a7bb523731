package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.Assertions;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.claimscrubber.files.WorkFiles;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One regression test per reliability defect fixed (issue 10), each failing before its fix. */
class ReliabilityRegressionTest {

    private static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n";

    @TempDir Path dir;

    private static Cli.Result run(String... args) {
        return Cli.execute(args);
    }

    /**
     * 20,000 rows, gzipped, then cut in half: before the fix the reader replayed rows without end.
     */
    @Test
    void aTruncatedGzipEndsTheFileWithOneFindingAndTheRowsBeforeItAreScrubbed() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 20_000; i++) {
            csv.append("C").append(i).append(",1,2026-11-02,99213,C18.9\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        Path out = dir.resolve("out");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        "rules",
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        cut.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        long read = manifest.at("/rows/read").asLong();
        assertThat(read).isGreaterThan(1_000).isLessThanOrEqualTo(20_000);
        assertThat(manifest.at("/rows/rejected").asLong()).isEqualTo(1);
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings.lines().filter(line -> line.contains("INPUT-001")))
                .singleElement()
                .satisfies(
                        line ->
                                assertThat(line)
                                        .contains(
                                                "the .gz file is cut off",
                                                "nothing after it was read"));
    }

    @Test
    void anOutputFolderThatIsAFileIsExitFiveWithOneSentenceAndNoStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        "rules",
                        "--seeds",
                        "seeds",
                        "--out",
                        file.toString(),
                        "samples/export/claims.csv");
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err())
                .contains("the report cannot be written", "is not a folder")
                .doesNotContain("\tat ", "Exception");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aNegativeThreadCountIsRefused() {
        Cli.Result result = run("run", "--threads", "-5", "samples/export/claims.csv");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--threads takes a positive number");
    }

    @Test
    void terminalEscapeSequencesInHeadersAndCellsAreShownEscaped() throws Exception {
        String osc = "\u001B]0;owned\u0007";
        String clear = "\u001B[2J";
        Path claims =
                Files.writeString(
                        dir.resolve("ansi.csv"),
                        "claim_id,line_number,date_of_service,procedure_code,"
                                + "diagnosis_codes,note"
                                + osc
                                + "\n"
                                + "C"
                                + clear
                                + "1,1,2026-11-02,99213,C18.9,x\n"
                                + "C2,1,2026-11-02,0352T"
                                + clear
                                + ",C18.9,x\n");
        Path out = dir.resolve("out");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        "rules",
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        claims.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out() + result.err())
                .doesNotContain("\u001B")
                .contains("\\u001B]0;owned\\u0007");
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings).doesNotContain("\u001B").contains("\\u001B[2J");

        // A file name is echoed in error messages: its control characters are escaped too.
        Path named = Files.writeString(dir.resolve("x" + clear + ".csv"), "a,b\n1,2\n");
        Cli.Result refused = run("run", "--out", dir.resolve("out2").toString(), named.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).doesNotContain("\u001B").contains("x\\u001B[2J.csv");
    }

    @Test
    void aModifierWrittenThreeTimesIsOneFinding() throws Exception {
        Path claims =
                Files.writeString(
                        dir.resolve("zz.csv"),
                        "claim_id,line_number,date_of_service,procedure_code,"
                                + "modifiers,diagnosis_codes\nC1,1,2026-11-02,99213,ZZ;ZZ;ZZ,C18.9\n");
        Path out = dir.resolve("out");
        assertThat(
                        run(
                                        "run",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        claims.toString())
                                .exitCode())
                .isZero();
        assertThat(Files.readAllLines(out.resolve("findings.csv")).stream().skip(1)).hasSize(0);
        Path bad =
                Files.writeString(
                        dir.resolve("bad.csv"),
                        "claim_id,line_number,date_of_service,procedure_code,"
                                + "modifiers,diagnosis_codes\nC1,1,2026-11-02,99213,Z!;Z!;Z!,C18.9\n");
        assertThat(
                        run(
                                        "run",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        bad.toString())
                                .exitCode())
                .isZero();
        assertThat(Files.readAllLines(out.resolve("findings.csv")).stream().skip(1))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("CODE-003"));
    }

    /**
     * Defect 3: DUP-001 and UNITS-002 iterated the claim's lines per line; 4,000 identical lines
     * took minutes.
     */
    @Test
    void noShippedRuleIteratesAClaimsLinesPerLine() throws Exception {
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                assertThat(Files.readString(drl)).as(drl.toString()).doesNotContain("claim.lines");
            }
        }
    }

    @Test
    void aClaimOfThousandsOfIdenticalLinesIsScrubbedLinearlyWithOneDuplicateFindingPerRepeat()
            throws Exception {
        StringBuilder csv =
                new StringBuilder(
                        "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                                + "diagnosis_codes\n");
        for (int i = 1; i <= 4_000; i++) {
            csv.append("BIG,").append(i).append(",2026-11-02,0971T,RT,1,C50.911\n");
        }
        Path claims = Files.writeString(dir.resolve("big.csv"), csv);
        Path out = dir.resolve("out");
        assertThat(
                        run(
                                        "run",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        claims.toString())
                                .exitCode())
                .isZero();
        List<String> findings = Files.readAllLines(out.resolve("findings.csv"));
        assertThat(findings.stream().filter(line -> line.contains("DUP-001")))
                .hasSize(3_999)
                .allMatch(line -> line.contains("already on line 1"));
        assertThat(findings.stream().filter(line -> line.contains("UNITS-002")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("4000 units of 0971T"));
    }

    @Test
    void aClaimOverTheLimitIsRefusedWithOneFindingAndItsRowsHeld() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10_001; i++) {
            csv.append("SAME,").append(i).append(",2026-11-02,99213,C18.9\n");
        }
        csv.append("OTHER,1,2026-11-02,99213,C18.9\n");
        Path claims = Files.writeString(dir.resolve("constant-id.csv"), csv);
        Path out = dir.resolve("out");
        assertThat(
                        run(
                                        "run",
                                        "--split",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        claims.toString())
                                .exitCode())
                .isZero();
        List<String> findings = Files.readAllLines(out.resolve("findings.csv"));
        assertThat(findings).hasSize(2);
        assertThat(findings.get(1))
                .startsWith("SAME,,ERROR,INPUT,INPUT-001")
                .contains("10001 rows, more than the 10000");
        assertThat(Files.readAllLines(out.resolve("held-claims.csv"))).hasSize(10_002);
        assertThat(Files.readAllLines(out.resolve("clean-claims.csv"))).hasSize(2);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(manifest.at("/rows/rejected").asLong()).isEqualTo(10_001);
    }

    /**
     * Defect 8a: a headerless export's first row (patient id, birth date, name) was listed as
     * "columns found".
     */
    @Test
    void aHeaderThatIsDataIsRefusedWithoutEchoingIt() throws Exception {
        Path headerless =
                Files.writeString(
                        dir.resolve("headerless.csv"),
                        "C1,PTSECRET4711,Smith,1957-03-14,1,2026-11-02,99213\nC2,PT2,Jones,1960-01-01,1,2026-11-02,99213\n");
        Cli.Result result =
                run("run", "--out", dir.resolve("out").toString(), headerless.toString());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .contains("not a header row")
                .doesNotContain("PTSECRET4711", "Smith", "1957");
        Path partial =
                Files.writeString(
                        dir.resolve("partial.csv"),
                        "claim_id,patient_id,Smith 1957-03-14\nC1,P,x\n");
        Cli.Result missing = run("run", "--out", dir.resolve("out").toString(), partial.toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err())
                .contains("columns found: 'claim_id', 'patient_id' and 1 more that looks like data")
                .doesNotContain("Smith", "1957");
    }

    /**
     * Defect 8b: a row shifted by an unquoted comma quoted the patient value that landed in
     * line_number.
     */
    @Test
    void aShiftedRowQuotesNoCell() throws Exception {
        Path claims =
                Files.writeString(
                        dir.resolve("shifted.csv"),
                        "claim_id,patient_id,line_number,date_of_service,"
                                + "procedure_code,diagnosis_codes\nC1,Smith,PTSECRET4711,1,2026-11-02,99213,C18.9\n");
        Path out = dir.resolve("out");
        assertThat(
                        run(
                                        "run",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        claims.toString())
                                .exitCode())
                .isZero();
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings)
                .contains("C1,,ERROR,INPUT,INPUT-001", "the row has 7 fields but the header has 6")
                .doesNotContain("PTSECRET4711", "Smith");
    }

    /** Defect 6: two runs into one --out deleted and overwrote each other's files. */
    @Test
    void aSecondRunIntoABusyReportFolderIsRefusedAndTheFirstRunsReportIsKept() throws Exception {
        Path out = dir.resolve("out");
        assertThat(
                        run(
                                        "run",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        "samples/export/claims.csv")
                                .exitCode())
                .isZero();
        String before = Files.readString(out.resolve("findings.csv"));
        try (var channel =
                        FileChannel.open(
                                out.resolve(".claim-scrubber.lock"), StandardOpenOption.WRITE);
                var held = channel.lock()) {
            Cli.Result second =
                    run(
                            "run",
                            "--rules",
                            "rules",
                            "--seeds",
                            "seeds",
                            "--as-of",
                            "2026-11-24",
                            "--out",
                            out.toString(),
                            "samples/export/claims.csv");
            assertThat(second.exitCode()).isEqualTo(5);
            assertThat(second.err())
                    .contains("another claim-scrubber run is writing to", "--wait")
                    .doesNotContain("\tat ");
        }
        assertThat(Files.readString(out.resolve("findings.csv"))).isEqualTo(before);
        assertThat(
                        run(
                                        "run",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        "samples/export/claims.csv")
                                .exitCode())
                .as("the folder is free again")
                .isZero();
    }

    /** Defect 11: a FIFO (or run <(zcat x.gz)) failed with "cannot be read" and, re-read, hung. */
    @Test
    @Timeout(120) // a guard: before the fix the second read of the FIFO hung for ever
    void aFifoIsReadOnceEvenWhenItsClaimsAreNotGrouped() throws Exception {
        Path fifo = dir.resolve("export.fifo");
        Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is not available");
        Thread writer =
                new Thread(
                        () -> {
                            try (var to = Files.newOutputStream(fifo)) {
                                Files.copy(Path.of("samples/export/claims.csv"), to);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        writer.start();
        Path out = dir.resolve("out");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        "rules",
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        fifo.toString());
        writer.join();
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(manifest.at("/rows/read").asLong()).isEqualTo(30);
        assertThat(manifest.at("/mode").asText()).startsWith("partitioned");
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(".pipe-"));
        }
    }

    /**
     * Defect 4: spooled standard input had size -1, so an unsorted export on stdin got 2 partitions
     * whatever its size.
     */
    @Test
    void spooledStandardInputKeepsItsSizeForPartitioning() throws Exception {
        Path spool = Files.write(dir.resolve("spool.csv"), new byte[3 << 20]);
        InputSource spooled = ClaimPipeline.spooled(new InputSource("-", null, -1), spool);
        assertThat(spooled.size()).isEqualTo(3 << 20);
        assertThat(PartitionedPass.partitionsFor(List.of(spooled)))
                .isEqualTo(
                        PartitionedPass.partitionsFor(
                                List.of(new InputSource("x.csv", spool, 3 << 20))));
    }

    /**
     * Defect 10: after kill -9, .partitions-PID/ and .stdin-PID.csv (patient rows) stayed in the
     * folder for ever.
     */
    @Test
    void temporaryFilesOfADeadRunAreRemovedByTheNextRunAndLiveOnesAreKept() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        long dead = Long.MAX_VALUE - 7; // no process has this id
        Path partitions = Files.createDirectories(out.resolve(".partitions-" + dead));
        Files.writeString(partitions.resolve("p0.rows"), "C1,PTSECRET4711\n");
        Path spool = Files.writeString(out.resolve(".stdin-" + dead + ".csv"), "claim_id\n");
        Path pipe = Files.writeString(out.resolve(".pipe-" + dead + "-0"), "claim_id\n");
        Path live =
                Files.writeString(
                        out.resolve(".stdin-" + ProcessHandle.current().pid() + ".csv"), "x");
        Path unrelated = Files.writeString(out.resolve(".stdin-notes.txt"), "x");
        assertThat(
                        run(
                                        "run",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        "samples/export/claims.csv")
                                .exitCode())
                .isZero();
        assertThat(partitions).doesNotExist();
        assertThat(spool).doesNotExist();
        assertThat(pipe).doesNotExist();
        assertThat(live).as("its process runs").exists();
        assertThat(unrelated).exists();
    }

    @Test
    void temporaryFilesAreOwnerOnly() throws Exception {
        Path file = dir.resolve("work/.stdin-1.csv");
        WorkFiles.createFile(file);
        Path folder = dir.resolve("work/.partitions-1");
        WorkFiles.createDirectory(folder);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .isEqualTo("rwx------");
        }
    }

    /**
     * Scrubs with the shipped rules and keeps nothing of the outcomes: for what the result itself
     * says.
     */
    private ClaimPipeline.Result scrubQuietly(List<InputSource> sources) throws Exception {
        return new ClaimPipeline(Shipped.rules(), Shipped.facts(), Shipped.TODAY)
                .scrub(
                        sources,
                        new ClaimPipeline.Options(
                                1, false, dir, InputStream.nullInputStream(), null),
                        new OutcomeSink.Restartable() {
                            @Override
                            public void accept(ClaimOutcome outcome) {}

                            @Override
                            public void restart() {}
                        });
    }

    /** Risk: a file still being written when the run started gave exit 0 and no word of it. */
    @Test
    void aFileThatChangedWhileReadIsReportedInTheManifest() throws Exception {
        Path file = Files.copy(Path.of("samples/export/claims.csv"), dir.resolve("growing.csv"));
        long sizeAtStart =
                Files.size(file) - 100; // as if 100 bytes were appended after the run looked at it
        ClaimPipeline.Result result =
                scrubQuietly(List.of(new InputSource(file.toString(), file, sizeAtStart)));
        assertThat(result.inputs().get(0).warning())
                .contains("changed while it was read", sizeAtStart + " bytes when");
        ClaimPipeline.Result steady = scrubQuietly(InputSource.resolve(List.of(file.toString())));
        assertThat(steady.inputs().get(0).warning()).isNull();
    }

    /**
     * Risk: a seed document replaced by garbage still counted, and its procedure's checks silently
     * vanished.
     */
    @Test
    void aSeedDocumentWithoutAProcedureCodeStopsTheRun() throws Exception {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path file : files.toList()) {
                Files.copy(file, seeds.resolve(file.getFileName()));
            }
        }
        Files.writeString(seeds.resolve("003_2be55d552ac92e94.txt"), "garbage, no code here\n");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        "rules",
                        "--seeds",
                        seeds.toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "samples/export/claims.csv");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("003_2be55d552ac92e94.txt names no procedure code");
        assertThat(dir.resolve("out/findings.csv")).doesNotExist();
    }

    /** Risk: a rule whose consequence re-triggers itself hung the run for ever. */
    @Test
    @Timeout(120) // a guard: before the firing limit this test never ended
    void aRuleThatLoopsFailsItsClaimsInsteadOfHangingTheRun() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("loops.drl"),
                """
                package scrubber;
                import org.claimscrubber.domain.ClaimLine;
                global org.claimscrubber.domain.FindingCollector findings;

                rule "Re-triggers itself"
                    @id("LOOP-001") @severity("INFO") @category("CODE") @description("loops on 0352T")
                when
                    $line : ClaimLine(procedureCode == "0352T")
                then
                    update($line);
                end
                """);
        Path out = dir.resolve("out");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        rules.toString(),
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        "samples/export/claims.csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings)
                .contains(
                        "CLM-1001,,ERROR,CODE,LOOP-001",
                        "re-trigger it (modify/update) without end")
                .doesNotContain("DX-001 failed")
                .contains("CLM-1004,1,ERROR,ADD_ON,NCCI-AOC-001");
        assertThat(result.out()).contains("NOT FULLY SCRUBBED");
    }

    /** Defect 2: an Error on the reader thread left the writer waiting for ever. */
    @Test
    @Timeout(120) // a guard: before the fix this run never ended
    void anErrorOnTheReaderThreadEndsTheRunPromptly() {
        InputStream dying =
                new InputStream() {
                    private int served;

                    @Override
                    public int read() {
                        if (served++ < 200) {
                            return "claim_id,line_number,date_of_service,procedure_code\nC1,1,2026-11-02,99213\n"
                                    .charAt(served % 53);
                        }
                        throw new OutOfMemoryError("simulated");
                    }
                };
        Assertions.assertThatThrownBy(
                        () ->
                                new LocalRun()
                                        .run(
                                                new RunOptions(
                                                        new RunOptions.Input(
                                                                List.of("-"), dying, '\0'),
                                                        Shipped.sources(),
                                                        RunOptions.Policy.on(Shipped.TODAY),
                                                        RunOptions.Output.to(dir.resolve("out")),
                                                        new RunOptions.Execution(1, null))))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("simulated");
        assertThat(dir.resolve("out/run.json")).doesNotExist();
    }
}
