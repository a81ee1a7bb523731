package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.claimscrubber.Shipped;
import org.claimscrubber.bench.SyntheticExport;
import org.claimscrubber.setup.RunSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch at scale: the same reports whatever the threads, the grouping of claims, or the form of
 * the input.
 */
class StreamingTest {

    private static final int LINES = 20_000;

    @TempDir static Path dir;

    private static Path export;

    @BeforeAll
    static void generate() throws Exception {
        export = dir.resolve("export.csv");
        try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            SyntheticExport.write(LINES, 42, out);
        }
    }

    private static RunOutcome run(
            String name, int threads, boolean split, List<String> inputs, byte[] stdin)
            throws Exception {
        return new LocalRun()
                .run(
                        new RunOptions(
                                new RunOptions.Input(inputs, new ByteArrayInputStream(stdin), '\0'),
                                shipped(),
                                RunOptions.Policy.on(Shipped.TODAY),
                                new RunOptions.Output(dir.resolve(name), split, false, null),
                                new RunOptions.Execution(threads, null)));
    }

    private static RunSources shipped() {
        return Shipped.sources();
    }

    private static RunOutcome run(String name, int threads, List<String> inputs) throws Exception {
        return run(name, threads, false, inputs, new byte[0]);
    }

    private static byte[] bytes(String name, String report) throws Exception {
        return Files.readAllBytes(dir.resolve(name).resolve(report));
    }

    @Test
    void theGeneratorIsDeterministicForASeed() throws Exception {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        SyntheticExport.write(500, 7, a);
        SyntheticExport.write(500, 7, b);
        assertThat(a.toString()).isEqualTo(b.toString()).hasLineCount(501);
        StringWriter c = new StringWriter();
        SyntheticExport.write(500, 8, c);
        assertThat(c.toString()).isNotEqualTo(a.toString());
    }

    @Test
    void oneThreadAndSeveralWriteByteIdenticalReports() throws Exception {
        run("one", 1, List.of(export.toString()));
        run("three", 3, List.of(export.toString()));
        assertThat(bytes("three", "findings.csv")).isEqualTo(bytes("one", "findings.csv"));
        assertThat(bytes("three", "findings.json")).isEqualTo(bytes("one", "findings.json"));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("three/run.json").toFile());
        assertThat(manifest.get("mode").asText()).isEqualTo("streaming");
        assertThat(manifest.at("/rows/read").asLong()).isEqualTo(LINES);
        assertThat(manifest.at("/findings/total").asLong()).isPositive();
    }

    @Test
    void claimsNotGroupedTogetherGiveTheSameFindingsThroughPartitions() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(3));
        lines.add(0, header);
        Path shuffled = dir.resolve("shuffled.csv");
        Files.write(shuffled, lines);
        run("grouped", 2, List.of(export.toString()));
        RunOutcome outcome = run("shuffled", 2, List.of(shuffled.toString()));
        assertThat(outcome.manifest().mode()).startsWith("partitioned into");
        assertThat(findingKeys("shuffled")).isEqualTo(findingKeys("grouped"));
        assertThat(outcome.manifest().rows().read()).isEqualTo(LINES);
    }

    /**
     * Claim, line, rule and message of each finding, sorted: what must not depend on the rows'
     * order.
     */
    private static List<String> findingKeys(String name) throws Exception {
        JsonNode findings =
                new ObjectMapper()
                        .readTree(dir.resolve(name).resolve("findings.json").toFile())
                        .get("findings");
        List<String> keys = new ArrayList<>();
        findings.forEach(
                f ->
                        keys.add(
                                f.get("claim_id").asText()
                                        + "|"
                                        + f.get("line_number").asText()
                                        + "|"
                                        + f.get("rule_id").asText()
                                        + "|"
                                        + f.get("message").asText()));
        Collections.sort(keys);
        return keys;
    }

    @Test
    void gzipDirectoriesAndStandardInputReadLikeThePlainFile() throws Exception {
        run("plain", 2, List.of(export.toString()));
        Path gz = dir.resolve("inputs/export.csv.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(export, out);
        }
        run("gz", 2, List.of(gz.toString()));
        run("directory", 2, List.of(gz.getParent().toString()));
        run("stdin", 2, false, List.of("-"), Files.readAllBytes(export));
        for (String name : List.of("gz", "directory", "stdin")) {
            assertThat(findingKeys(name)).as(name).isEqualTo(findingKeys("plain"));
        }
        JsonNode gzInput =
                new ObjectMapper().readTree(dir.resolve("gz/run.json").toFile()).at("/inputs/0");
        assertThat(gzInput.get("lines").asLong()).isEqualTo(LINES + 1);
        assertThat(gzInput.get("bytes").asLong()).isEqualTo(Files.size(gz));
    }

    @Test
    void standardInputNotGroupedByClaimIsReadAgainFromItsCopy() throws Exception {
        byte[] rows =
                ("claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n"
                                + "A,1,2026-11-02,88305,C18.9\nB,1,2026-11-02,99213,C18.9\nA,2,2026-11-02,0753T,C18.9\n")
                        .getBytes(StandardCharsets.UTF_8);
        RunOutcome outcome = run("stdin-shuffled", 1, false, List.of("-"), rows);
        assertThat(outcome.manifest().mode()).startsWith("partitioned");
        assertThat(outcome.manifest().findings().total())
                .as("0753T has its 88305 once grouped")
                .isZero();
        assertThat(outcome.manifest().rows().read()).isEqualTo(3);
        assertThat(outcome.manifest().inputs().get(0).file())
                .as("not '- in a spreadsheet-safe CSV")
                .isEqualTo("(standard input)");
    }

    @Test
    void splitSendsEveryRowToCleanOrHeldUnchanged() throws Exception {
        RunOutcome outcome = run("split", 2, true, List.of(export.toString()), new byte[0]);
        List<String> clean = Files.readAllLines(dir.resolve("split/clean-claims.csv"));
        List<String> held = Files.readAllLines(dir.resolve("split/held-claims.csv"));
        List<String> input = Files.readAllLines(export);
        assertThat(clean.get(0)).isEqualTo(input.get(0));
        assertThat(held.get(0)).isEqualTo(input.get(0) + ",held_by");
        assertThat(clean.size() - 1 + held.size() - 1).isEqualTo(LINES);
        assertThat(input).containsAll(clean);
        assertThat(held.subList(1, held.size())).allMatch(row -> !row.endsWith(","));
        JsonNode findings =
                new ObjectMapper()
                        .readTree(dir.resolve("split/findings.json").toFile())
                        .get("findings");
        List<String> heldClaims = new ArrayList<>();
        findings.forEach(
                f -> {
                    if (f.get("severity")
                            .asText()
                            .equals("ERROR")) { // the default hold policy: what a payer denies
                        heldClaims.add(f.get("claim_id").asText() + ",");
                    }
                });
        assertThat(clean.subList(1, clean.size()))
                .noneMatch(row -> heldClaims.contains(row.substring(0, row.indexOf(',') + 1)));
        assertThat(outcome.manifest().reports()).contains("clean-claims.csv", "held-claims.csv");
        assertThat(outcome.manifest().claims().held())
                .isEqualTo(outcome.manifest().claims().withErrors());
        assertThat(outcome.manifest().claims().holdOn()).isEqualTo("ERROR");
    }

    @Test
    void progressIsPrintedOnStandardErrorWhenAsked() throws Exception {
        StringWriter err = new StringWriter();
        try (Progress progress = new Progress(new PrintWriter(err), Files.size(export))) {
            new LocalRun()
                    .run(
                            new RunOptions(
                                    RunOptions.Input.files(List.of(export.toString())),
                                    shipped(),
                                    RunOptions.Policy.on(Shipped.TODAY),
                                    RunOptions.Output.to(dir.resolve("progress")),
                                    new RunOptions.Execution(1, progress)));
        }
        assertThat(err.toString())
                .contains(" rows ", "rows/s", "elapsed")
                .endsWith(System.lineSeparator());
    }
}
