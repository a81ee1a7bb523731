package org.claimscrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.claimscrubber.cli.Jar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job through the shaded jar, in Spark's local mode with two cores, exactly as the
 * README's one-liner runs it: on the sample export, on a generated export whose claims are shuffled
 * across two files, and on the bad-input corpus, its findings rows (sorted) and its run.json counts
 * equal the local {@code run}'s.
 */
class SparkJobIT {

    private static final Path SPARK_CLASSPATH =
            Path.of("target/spark-classpath.txt").toAbsolutePath();
    private static final String AS_OF = "2026-11-24";

    @TempDir Path dir;

    @Test
    void theSampleExportGivesTheLocalRunsFindingsAndCounts() throws Exception {
        Path export = Path.of("samples/export/claims.csv").toAbsolutePath();
        Jar.Result spark = spark(dir.resolve("spark"), export.toString());
        Jar.Result local = local(dir.resolve("local"), export.toString());

        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertSameFindingsAndCounts(dir.resolve("local"), dir.resolve("spark"));
        // The merged file lists the findings in the local report's order, not only the same set.
        assertThat(Files.readString(dir.resolve("spark/findings.csv")))
                .isEqualTo(Files.readString(dir.resolve("local/findings.csv")));
        assertThat(local.exitCode()).isZero();
        // Each part is a CSV file with the local findings.csv's header.
        try (Stream<Path> parts = Files.list(dir.resolve("spark/findings"))) {
            List<Path> files =
                    parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
            assertThat(files)
                    .isNotEmpty()
                    .allSatisfy(part -> assertThat(part.getFileName().toString()).endsWith(".csv"));
            for (Path part : files) {
                assertThat(Files.readAllLines(part).get(0))
                        .isEqualTo(
                                "claim_id,line_number,severity,category,rule_id,procedure_code,message,source,source_document,input_file,input_line,suppressed");
            }
        }
        // Patient identifiers and birth dates reach neither the console (Spark's log included) nor
        // any output.
        assertThat(spark.all()).doesNotContain("PT-408", "PT-409", "1968-04-12", "1955-01-30");
        try (Stream<Path> outputs = Files.walk(dir.resolve("spark"))) {
            for (Path output : outputs.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(output, StandardCharsets.ISO_8859_1))
                        .as(output.toString())
                        .doesNotContain("PT-408", "1968-04-12");
            }
        }
    }

    @Test
    void claimsShuffledAcrossTwoFilesMeetAndGiveTheLocalRunsFindings() throws Exception {
        Path generated = dir.resolve("generated.csv");
        assertThat(Jar.run(dir, "generate", "--lines", "200000", generated.toString()).exitCode())
                .isZero();
        List<String> lines = Files.readAllLines(generated);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(rows, new Random(7));
        Path first = dir.resolve("part-a.csv");
        Path second = dir.resolve("part-b.csv");
        try (BufferedWriter a = Files.newBufferedWriter(first);
                BufferedWriter b = Files.newBufferedWriter(second)) {
            a.write(lines.get(0) + "\n");
            b.write(lines.get(0) + "\n");
            for (int i = 0; i < rows.size(); i++) {
                (i % 2 == 0 ? a : b).write(rows.get(i) + "\n");
            }
        }
        Jar.Result spark = spark(dir.resolve("spark"), first.toString(), second.toString());
        local(dir.resolve("local"), first.toString(), second.toString());

        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertSameFindingsAndCounts(dir.resolve("local"), dir.resolve("spark"));
        JsonNode run = json(dir.resolve("spark/run.json"));
        assertThat(run.at("/rows/read").asLong()).isEqualTo(200_000);
        // Most claims have rows in both files: each is scrubbed once, as one claim, with the
        // warning that says so.
        assertThat(Files.readString(dir.resolve("spark/findings.csv"))).contains("input files (");
        // Their claims are not grouped, so both files went through the shuffle, and the job says
        // so.
        assertThat(run.at("/mode").asText())
                .contains("2 inputs whose claims are not grouped by claim id");
        assertThat(spark.out()).contains("spark: 0 inputs read as 0 parts", "shuffled by claim");
    }

    @Test
    void aLargeGroupedFileIsReadInPartsWhereItLiesAndGivesTheLocalRunsFindings() throws Exception {
        Path generated = dir.resolve("nightly.csv");
        assertThat(Jar.run(dir, "generate", "--lines", "200000", generated.toString()).exitCode())
                .isZero();
        Jar.Result spark =
                spark(dir.resolve("spark"), List.of("--part-size", "1m"), generated.toString());
        local(dir.resolve("local"), generated.toString());

        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertSameFindingsAndCounts(dir.resolve("local"), dir.resolve("spark"));
        String mode = json(dir.resolve("spark/run.json")).at("/mode").asText();
        assertThat(mode)
                .matches(".*1 input read as \\d\\d+ parts, each scrubbed where it was read")
                .doesNotContain("shuffled");
        assertThat(Files.readString(dir.resolve("spark/findings.csv")))
                .isEqualTo(Files.readString(dir.resolve("local/findings.csv")));

        // A small export cut every 97 bytes: its claims straddle the nominal offsets at many
        // positions.
        Path sample = dir.resolve("small.csv");
        assertThat(Jar.run(dir, "generate", "--lines", "150", sample.toString()).exitCode())
                .isZero();
        Jar.Result small =
                spark(dir.resolve("spark-97"), List.of("--part-size", "97"), sample.toString());
        local(dir.resolve("local-sample"), sample.toString());
        assertThat(small.exitCode()).as(small.err()).isZero();
        assertSameFindingsAndCounts(dir.resolve("local-sample"), dir.resolve("spark-97"));
        assertThat(json(dir.resolve("spark-97/run.json")).at("/mode").asText())
                .containsPattern("read as \\d\\d+ parts");
    }

    @Test
    void theBadInputCorpusGivesTheLocalRunsFindingsAndRefusals() throws Exception {
        List<String> usable = new ArrayList<>();
        List<String> cases = Files.readAllLines(Path.of("samples/bad/cases.csv"));
        for (String line : cases.subList(1, cases.size())) {
            String[] cells = line.split(",", 3);
            if (!cells[0].startsWith("GENERATED:") && cells[1].equals("0")) {
                for (String file : cells[0].split(";")) {
                    usable.add(Path.of("samples/bad", file).toAbsolutePath().toString());
                }
            }
        }
        assertThat(usable).hasSizeGreaterThan(10);
        Jar.Result spark = spark(dir.resolve("spark"), usable.toArray(String[]::new));
        local(dir.resolve("local"), usable.toArray(String[]::new));
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertSameFindingsAndCounts(dir.resolve("local"), dir.resolve("spark"));
        assertThat(json(dir.resolve("spark/run.json")).at("/rows/rejected").asLong()).isPositive();
        // Read in parts of 64 bytes, rows that are INPUT findings near a part's edge are counted
        // once, as run counts
        // them; the files whose quoted fields run over line ends are read whole, through the
        // shuffle.
        Jar.Result parts =
                spark(
                        dir.resolve("spark-parts"),
                        List.of("--part-size", "64"),
                        usable.toArray(String[]::new));
        assertThat(parts.exitCode()).as(parts.err()).isZero();
        assertSameFindingsAndCounts(dir.resolve("local"), dir.resolve("spark-parts"));

        // A file the local run refuses is refused the same way, in one sentence, before any claim
        // is scrubbed.
        String utf16 = Path.of("samples/bad/utf16.csv").toAbsolutePath().toString();
        Jar.Result refused = spark(dir.resolve("refused"), utf16);
        assertThat(refused.exitCode())
                .isEqualTo(local(dir.resolve("refused-local"), utf16).exitCode())
                .isEqualTo(3);
        assertThat(refused.err())
                .contains("it looks like UTF-16")
                .doesNotContain("\tat ", "Exception");
        assertThat(dir.resolve("refused/run.json")).doesNotExist();
    }

    private static void assertSameFindingsAndCounts(Path local, Path spark) throws IOException {
        assertThat(sortedRows(spark.resolve("findings.csv")))
                .isEqualTo(sortedRows(local.resolve("findings.csv")));
        JsonNode localRun = json(local.resolve("run.json"));
        JsonNode sparkRun = json(spark.resolve("run.json"));
        for (String counts : List.of("/rows", "/claims", "/findings", "/inputs")) {
            assertThat(sparkRun.at(counts)).as(counts).isEqualTo(localRun.at(counts));
        }
        assertThat(sparkRun.at("/mode").asText()).startsWith("spark (local[2])");
    }

    private static List<String> sortedRows(Path findings) throws IOException {
        List<String> rows = new ArrayList<>(Files.readAllLines(findings));
        Collections.sort(rows);
        return rows;
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static Jar.Result local(Path out, String... inputs)
            throws IOException, InterruptedException {
        List<String> args =
                new ArrayList<>(List.of("run", "-q", "--as-of", AS_OF, "--out", out.toString()));
        args.addAll(List.of(inputs));
        return Jar.run(args.toArray(String[]::new));
    }

    /**
     * The README's local-mode one-liner: the shaded jar first, then Spark's jars as Maven resolved
     * them.
     */
    private static Jar.Result spark(Path out, String... inputs)
            throws IOException, InterruptedException {
        return spark(out, List.of(), inputs);
    }

    private static Jar.Result spark(Path out, List<String> options, String... inputs)
            throws IOException, InterruptedException {
        String classPath = Jar.JAR + File.pathSeparator + Files.readString(SPARK_CLASSPATH).strip();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "-cp",
                                classPath,
                                "org.apache.spark.deploy.SparkSubmit",
                                "--master",
                                "local[2]",
                                "--conf",
                                "spark.ui.enabled=false",
                                "--class",
                                "org.claimscrubber.spark.SparkScrubJob",
                                Jar.JAR.toString(),
                                "--as-of",
                                AS_OF,
                                "--out",
                                out.toString()));
        args.addAll(options);
        args.addAll(List.of(inputs));
        return Jar.java(Path.of("").toAbsolutePath(), Map.of(), args);
    }
}
