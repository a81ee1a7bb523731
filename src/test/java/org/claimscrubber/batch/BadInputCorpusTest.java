package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.claimscrubber.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of samples/bad/cases.csv through the command line: the documented exit code and
 * message, no stack trace, the good rows scrubbed, and rows read = scrubbed + rejected in run.json.
 */
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("samples/bad");
    private static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                    + "diagnosis_codes,payer,patient_sex,note";
    private static final String ROW = ",1,2026-11-02,99213,,1,C18.9,Aetna,F,";

    @TempDir Path dir;

    /** One row of cases.csv. */
    record Case(
            String files,
            int exitCode,
            String read,
            String scrubbed,
            String rejected,
            String inputFindings,
            String message,
            String note) {
        @Override
        public String toString() {
            return files + " (" + note + ")";
        }
    }

    static Stream<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(CORPUS.resolve("cases.csv")))) {
            csv.skip(1);
            for (String[] row : csv) {
                cases.add(
                        new Case(
                                row[0],
                                Integer.parseInt(row[1]),
                                row[2],
                                row[3],
                                row[4],
                                row[5],
                                row[6],
                                row[7]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesAsDocumented(Case badCase) throws Exception {
        List<String> more = new ArrayList<>(List.of("--no-rules-cache"));
        for (String file : badCase.files().split(";")) {
            more.add(
                    file.startsWith("GENERATED:")
                            ? generate(file.substring(10)).toString()
                            : CORPUS.resolve(file).toString());
        }
        Cli.Result result = Cli.scrub(dir.resolve("out").toString(), more.toArray(String[]::new));
        int exit = result.exitCode();
        String err = result.err();
        String console = result.out() + err;
        assertThat(exit).as(console).isEqualTo(badCase.exitCode());
        assertThat(console).doesNotContain("Exception", "\tat ");
        if (exit != 0) {
            assertThat(err).contains(badCase.message());
            assertThat(dir.resolve("out/findings.csv")).doesNotExist();
            return;
        }
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("out/run.json").toFile());
        JsonNode rows = manifest.get("rows");
        assertThat(rows.get("read").asLong())
                .as("read = scrubbed + rejected")
                .isEqualTo(rows.get("scrubbed").asLong() + rows.get("rejected").asLong())
                .isEqualTo(Long.parseLong(badCase.read()));
        assertThat(rows.get("scrubbed").asLong()).isEqualTo(Long.parseLong(badCase.scrubbed()));
        assertThat(rows.get("rejected").asLong()).isEqualTo(Long.parseLong(badCase.rejected()));
        assertThat(manifest.at("/findings/by_category/INPUT").asLong())
                .isEqualTo(Long.parseLong(badCase.inputFindings()));
        String findings = Files.readString(dir.resolve("out/findings.csv"), StandardCharsets.UTF_8);
        assertThat(findings + console)
                .as("in a finding, or in the summary's warnings")
                .contains(badCase.message());
    }

    private Path generate(String name) throws Exception {
        Path file = dir.resolve(name + ".csv");
        try (Writer out =
                new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            switch (name) {
                case "big-field" -> {
                    out.write(HEADER + "\n");
                    out.write("G1" + ROW + "x".repeat(1 << 20) + "\n");
                    out.write("G2" + ROW + "small\n");
                }
                case "wide-header" -> {
                    out.write(HEADER);
                    String[] extra = new String[99_990];
                    for (int i = 0; i < extra.length; i++) {
                        extra[i] = "extra" + i;
                    }
                    out.write("," + String.join(",", extra) + "\n");
                    String empties = ",".repeat(extra.length);
                    out.write("G1" + ROW + "wide" + empties + "\n");
                    out.write("G2" + ROW + "wide" + empties + "\n");
                }
                case "claim-500-lines" -> {
                    out.write(HEADER + "\n");
                    for (int line = 1; line <= 500; line++) {
                        out.write(
                                "G500,"
                                        + line
                                        + ",2026-11-02,99213,,1,C18.9,Aetna,F,line "
                                        + line
                                        + "\n");
                    }
                }
                case "long-line" -> {
                    out.write(HEADER + "\n");
                    out.write("G1" + ROW + "fine\n");
                    char[] chunk = new char[1 << 20];
                    Arrays.fill(chunk, 'y');
                    for (int i = 0; i < 9; i++) {
                        out.write(chunk);
                    }
                }
                default -> throw new IllegalArgumentException(name);
            }
        }
        return file;
    }
}
