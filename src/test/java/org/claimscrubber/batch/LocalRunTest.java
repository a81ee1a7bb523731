package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.ExportBuilder;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.report.FailOn;
import org.claimscrubber.report.ReportFiles;
import org.claimscrubber.report.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run on the bundled demo export: the three reports, their order, their counts, the exit
 * code.
 */
class LocalRunTest {

    private static final Path EXPORT = Path.of("samples/export/claims.csv");

    @TempDir Path out;

    private RunOutcome run(Severity failOn, Path... inputs) throws Exception {
        return new LocalRun()
                .run(
                        new RunOptions(
                                RunOptions.Input.files(
                                        Arrays.stream(inputs).map(Path::toString).toList()),
                                Shipped.sources(),
                                new RunOptions.Policy(
                                        Shipped.TODAY,
                                        failOn == null ? null : FailOn.valueOf(failOn.name()),
                                        null),
                                RunOptions.Output.to(out),
                                RunOptions.Execution.defaults()));
    }

    @Test
    void findingsCsvStartsWithTheDocumentedColumnsInReportOrder() throws Exception {
        run(null, EXPORT);
        List<String> lines =
                Files.readAllLines(out.resolve("findings.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .startsWith(
                        "claim_id,line_number,severity,category,rule_id,procedure_code,message,source");
        assertThat(lines).hasSize(16);
        // Report order: claims in the order their first row appears in the input (not by id).
        List<String> firstAppearance =
                Files.readAllLines(EXPORT).stream()
                        .skip(1)
                        .map(line -> line.substring(0, line.indexOf(',')))
                        .distinct()
                        .toList();
        List<Integer> positions =
                lines.subList(1, lines.size()).stream()
                        .map(line -> firstAppearance.indexOf(line.substring(0, line.indexOf(','))))
                        .toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(lines.get(1)).startsWith("CLM-1004,1,ERROR,ADD_ON,NCCI-AOC-001,0753T,");
    }

    @Test
    void eachEditFamilySaysWhatItRanOnAndHowManyLinesItCouldNotCheck() throws Exception {
        Path claims =
                Files.writeString(
                        out.getParent().resolve("coverage-" + out.getFileName() + ".csv"),
                        ExportBuilder.claims()
                                .line("C1", 1, "0353T")
                                .payer("Medicare")
                                .and()
                                .line("C1", 2, "99213")
                                .diagnoses("I10")
                                .date("2026-10-05")
                                .payer("Medicare")
                                .and()
                                .csv());
        run(null, claims);
        JsonNode checks =
                new ObjectMapper().readTree(out.resolve("run.json").toFile()).at("/checks");
        Map<String, JsonNode> byEdits = new HashMap<>();
        checks.forEach(check -> byEdits.put(check.get("edits").asText(), check));
        assertThat(byEdits.get("NCCI MUE").get("lines_not_checked").asLong())
                .as("99213 has no curated MUE")
                .isEqualTo(1);
        assertThat(byEdits.get("NCCI MUE").get("lines").asLong()).isEqualTo(2);
        assertThat(byEdits.get("NCCI MUE").get("data").asText()).contains("2024 Q3");
        assertThat(byEdits.get("ICD-10-CM validity").get("lines_not_checked").asLong())
                .as("FY2027")
                .isEqualTo(1);
        assertThat(byEdits.get("ICD-10-CM validity").get("data").asText())
                .contains("FY2025, FY2026");
        assertThat(byEdits.get("PC/TC indicator").get("lines_not_checked").asLong())
                .as("0353T has none curated")
                .isEqualTo(1);
        assertThat(byEdits.get("NUCC taxonomy").get("data").asText()).contains("curated");
    }

    @Test
    void theManifestCountsAddUp() throws Exception {
        RunOutcome outcome = run(null, EXPORT);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(manifest.at("/rows/read").asLong())
                .isEqualTo(30)
                .isEqualTo(
                        manifest.at("/rows/scrubbed").asLong()
                                + manifest.at("/rows/rejected").asLong());
        assertThat(manifest.at("/claims/read").asLong()).isEqualTo(20);
        assertThat(
                        manifest.at("/claims/with_errors").asLong()
                                + manifest.at("/claims/with_warnings").asLong()
                                + manifest.at("/claims/clean").asLong())
                .isEqualTo(20);
        assertThat(manifest.at("/inputs/0/sha256").asText()).hasSize(64);
        assertThat(manifest.at("/inputs/0/lines").asLong()).isEqualTo(31);
        assertThat(manifest.at("/rules/sha256").asText()).hasSize(64);
        assertThat(manifest.at("/seeds/sha256").asText()).isEqualTo(Shipped.facts().hash());
        assertThat(manifest.at("/findings/total").asLong()).isEqualTo(15);
        assertThat(manifest.at("/exit_code").asInt()).isZero();
        assertThat(outcome.manifest().exitCode()).isZero();
    }

    @Test
    void findingsJsonHoldsTheSameFindingsWithTotals() throws Exception {
        run(null, EXPORT);
        JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        assertThat(json.get("findings")).hasSize(15);
        assertThat(json.at("/totals/findings").asLong()).isEqualTo(15);
        assertThat(json.at("/totals/by_category/DUPLICATE").asLong()).isEqualTo(1);
        assertThat(json.at("/findings/0/rule_id").asText()).isEqualTo("NCCI-AOC-001");
    }

    @Test
    void failOnSetsTheExitCode() throws Exception {
        assertThat(run(Severity.ERROR, EXPORT).manifest().exitCode()).isEqualTo(1);
        Path clean = out.resolve("clean.csv");
        Files.writeString(
                clean,
                "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n"
                        + "C1,1,2026-11-02,99213,C50.911\n");
        assertThat(run(Severity.WARNING, clean).manifest().exitCode()).isZero();
    }

    @Test
    void anUnusableInputWritesNoReports() throws Exception {
        Path bad = out.resolve("bad.csv");
        Files.writeString(bad, "claim_id,procedure_code\nC1,99213\n");
        assertThatThrownBy(() -> run(null, EXPORT, bad))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining(
                        "bad.csv:1: required columns line_number, date_of_service are missing");
        try (var files = Files.list(out)) {
            // No report: only the folder's lock file, which stays so that waiting runs lock the
            // same file.
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("bad.csv", ReportFiles.LOCK);
        }
    }

    @Test
    void columnsTheScrubberDoesNotReadAreListedNotSilentlyIgnored() throws Exception {
        Path export = out.resolve("misspelled.csv");
        // "dx1" is now a known alias (Dx 1); "diagnosis_codez" is a misspelling
        Files.writeString(
                export,
                "claim_id,line_number,date_of_service,procedure_code,diagnosis_codez,diagnosis_codes\n"
                        + "C1,1,2026-11-02,99213,C50.911,C18.9\n");
        RunOutcome outcome = run(null, export);
        assertThat(outcome.manifest().inputs().get(0).ignoredColumns())
                .containsExactly("diagnosis_codez");
        assertThat(Summary.of(outcome.manifest(), out))
                .contains("misspelled.csv: columns not read: diagnosis_codez");
    }
}
