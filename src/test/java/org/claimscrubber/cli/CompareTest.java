package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compliance analyst's loop: change a rule, run against last night's export with --baseline, read
 * what changed.
 */
class CompareTest {

    @TempDir Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void aSeverityChangeShowsAsChangedFindingsAndNewlyHeldClaims() throws Exception {
        Path lastNight = dir.resolve("last-night");
        assertThat(Cli.scrub(lastNight.toString(), "samples/export/claims.csv").exitCode())
                .isZero();
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Path pos = rules.resolve("place-of-service.drl");
        Files.writeString(
                pos,
                Files.readString(pos).replace("@severity(\"WARNING\")", "@severity(\"ERROR\")"));
        Files.delete(rules.resolve("related-procedures.drl"));
        Path trial = dir.resolve("trial");
        String out =
                run(
                        "run",
                        "--rules",
                        rules.toString(),
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--baseline",
                        lastNight.toString(),
                        "--out",
                        trial.toString(),
                        "samples/export/claims.csv");
        assertThat(out)
                .contains(
                        "changed: 1 (POS-001 1)",
                        "removed: 1 (REL-001 1)",
                        "newly held: 1 claim, $4,860.00");
        List<String> changes = Files.readAllLines(trial.resolve("changes.csv"));
        assertThat(changes)
                .anyMatch(line -> line.startsWith("changed,POS-001,CLM-1007,2,0352T,WARNING,ERROR"))
                .anyMatch(line -> line.startsWith("removed,REL-001,CLM-1011,1,0352T,INFO,,"))
                .anyMatch(line -> line.equals("newly_held,,CLM-1007,,,,,,,4860.00"));
        assertThat(Files.readString(trial.resolve("report.html")))
                .contains(
                        "Changes against the baseline",
                        "<td>newly held</td><td></td><td>1 ($4,860.00)</td>",
                        "<td>changed</td><td>POS-001</td><td>1</td>");
        assertThat(run("compare", lastNight.toString(), trial.toString()))
                .contains("changed: 1 (POS-001 1)");
        assertThat(run("compare", lastNight.toString(), lastNight.toString()))
                .contains("no change in the findings");
    }

    /** Issue 23: a row without a claim id gave changes.csv a row with an empty claim id. */
    @Test
    void aRowWithoutAClaimIdIsNamedByWhereItWasRead(@TempDir Path dir) throws Exception {
        Path claims =
                Files.writeString(
                        dir.resolve("claims.csv"),
                        String.join(
                                "\n",
                                "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes",
                                ",1,2026-11-02,99213,C18.9",
                                "C2,1,2026-11-02,99213,C18.9",
                                ""));
        Path empty =
                Files.writeString(
                        dir.resolve("before.csv"),
                        String.join(
                                "\n",
                                "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes",
                                "C2,1,2026-11-02,99213,C18.9",
                                ""));
        assertThat(
                        Cli.execute(
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        dir.resolve("a").toString(),
                                        empty.toString())
                                .exitCode())
                .isZero();
        assertThat(
                        Cli.execute(
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--baseline",
                                        dir.resolve("a").toString(),
                                        "--out",
                                        dir.resolve("b").toString(),
                                        claims.toString())
                                .exitCode())
                .isZero();
        List<String> changes = Files.readAllLines(dir.resolve("b").resolve("changes.csv"));
        assertThat(changes)
                .filteredOn(line -> line.contains("INPUT-001"))
                .singleElement()
                .satisfies(
                        line ->
                                assertThat(line)
                                        .contains("(row without a claim id, " + claims + ":2)"));
        assertThat(changes)
                .noneMatch(
                        line ->
                                line.startsWith("\"newly_held\",\"\",\"\"")
                                        || line.contains(",\"\",\"1\""));
    }

    /**
     * Issue 23 added source_document to findings.csv: a baseline folder written before it still
     * compares, its columns read by name, and only the rule a change touched shows as changed.
     */
    @Test
    void aBaselineWrittenBeforeTheSourceDocumentColumnStillCompares() throws Exception {
        Path lastNight = dir.resolve("last-night");
        run(
                "run",
                "--as-of",
                "2026-11-24",
                "--out",
                lastNight.toString(),
                "samples/export/claims.csv");
        Path findings = lastNight.resolve("findings.csv");
        List<String[]> rows;
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(findings))) {
            rows = csv.readAll();
        }
        int dropped = List.of(rows.get(0)).indexOf("source_document");
        assertThat(dropped).isPositive();
        try (ICSVWriter csv = new CSVWriterBuilder(Files.newBufferedWriter(findings)).build()) {
            for (String[] row : rows) {
                List<String> cells = new ArrayList<>(List.of(row));
                cells.remove(dropped);
                csv.writeNext(cells.toArray(String[]::new));
            }
        }
        assertThat(run("compare", lastNight.toString(), lastNight.toString()))
                .contains("no change in the findings");
        Path today = dir.resolve("today");
        run("run", "--as-of", "2026-11-24", "--out", today.toString(), "samples/export/claims.csv");
        assertThat(run("compare", lastNight.toString(), today.toString()))
                .contains("no change in the findings");
    }
}
