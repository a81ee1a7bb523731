package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.Assertions;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading exports: whatever arrives, however damaged or delivered, is read once, each row accounted
 * for, and a reader that fails ends the run promptly.
 */
class ReadingTest {

    private static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n";

    @TempDir Path dir;

    private static Cli.Result run(String... args) {
        return Cli.execute(args);
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
        Cli.Result result = Cli.scrub(out.toString(), cut.toString());
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
    void aModifierWrittenThreeTimesIsOneFinding() throws Exception {
        Path claims =
                Files.writeString(
                        dir.resolve("zz.csv"),
                        "claim_id,line_number,date_of_service,procedure_code,"
                                + "modifiers,diagnosis_codes\nC1,1,2026-11-02,99213,ZZ;ZZ;ZZ,C18.9\n");
        Path out = dir.resolve("out");
        assertThat(Cli.scrub(out.toString(), claims.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("findings.csv")).stream().skip(1)).hasSize(0);
        Path bad =
                Files.writeString(
                        dir.resolve("bad.csv"),
                        "claim_id,line_number,date_of_service,procedure_code,"
                                + "modifiers,diagnosis_codes\nC1,1,2026-11-02,99213,Z!;Z!;Z!,C18.9\n");
        assertThat(Cli.scrub(out.toString(), bad.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("findings.csv")).stream().skip(1))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("CODE-003"));
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
        assertThat(Cli.scrub(out.toString(), claims.toString()).exitCode()).isZero();
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings)
                .contains("C1,,ERROR,INPUT,INPUT-001", "the row has 7 fields but the header has 6")
                .doesNotContain("PTSECRET4711", "Smith");
    }

    /** Defect 11: a FIFO (or run <(zcat x.gz)) failed with "cannot be read" and, re-read, hung. */
    @Test
    @Timeout(120) // a guard: before the fix the second read of the FIFO hung for ever
    void aFifoIsReadOnceEvenWhenItsClaimsAreNotGrouped() throws Exception {
        Path fifo = dir.resolve("export.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .as("mkfifo (coreutils) made the FIFO")
                .isZero();
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
        Cli.Result result = Cli.scrub(out.toString(), fifo.toString());
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
