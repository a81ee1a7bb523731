package org.claimscrubber.history;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.Shipped;
import org.claimscrubber.batch.LocalRun;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.batch.RunOutcome;

/**
 * Three nightly exports of a practice, with the cases the history edits must catch planted in them,
 * and a runner that scrubs a night against a history (SQLite file or PostgreSQL URL).
 */
final class HistoryNights {

    static final String HEADER =
            "claim_id,line_number,patient_id,patient_sex,patient_birth_date,date_of_service,"
                    + "procedure_code,modifiers,units,diagnosis_codes,rendering_npi,rendering_taxonomy,place_of_service,payer,"
                    + "charge,claim_frequency_code";

    /**
     * Night 1: clean claims that later nights repeat, and one claim held for a missing diagnosis.
     */
    static final List<String> NIGHT_1 =
            List.of(
                    "N1-A,1,P-1001,M,1970-01-01,2026-11-20,99213,,1,I10,1234567893,207Q00000X,11,Aetna,120.00,1",
                    "N1-M,1,P-1002,F,1960-05-01,2026-02-10,77067,,1,Z12.31,1234567893,2085R0202X,22,Medicare,200.00,1",
                    "N1-W,1,P-1004,F,1950-03-03,2026-01-15,G0439,,1,Z00.00,1234567893,207Q00000X,11,Medicare,180.00,1",
                    "N1-G,1,P-1005,M,1952-07-07,2025-11-20,G0438,,1,Z00.00,1234567893,207Q00000X,11,Medicare,180.00,1",
                    "N1-H,1,P-1003,F,1980-02-02,2026-11-19,99214,,1,,1234567893,207Q00000X,11,Aetna,160.00,1");

    /**
     * Night 2: N2-DUP repeats N1-A under a new claim id (a duplicate); N2-REPL repeats it as a
     * replacement (frequency code 7: not a duplicate); N2-MAMMO is a screening mammogram 8 months
     * after the last (too soon); N1-H comes back reworked with its diagnosis (same claim id: not a
     * duplicate, its finding resolved).
     */
    static final List<String> NIGHT_2 =
            List.of(
                    "N2-DUP,1,P-1001,M,1970-01-01,2026-11-20,99213,,1,I10,1234567893,207Q00000X,11,Aetna,120.00,1",
                    "N2-REPL,1,P-1001,M,1970-01-01,2026-11-20,99213,,1,I10,1234567893,207Q00000X,11,Aetna,120.00,7",
                    "N2-MAMMO,1,P-1002,F,1960-05-01,2026-10-05,77067,,1,Z12.31,1234567893,2085R0202X,22,Medicare,200.00,1",
                    "N1-H,1,P-1003,F,1980-02-02,2026-11-19,99214,,1,J20.9,1234567893,207Q00000X,11,Aetna,160.00,1");

    /**
     * Night 3: N2-DUP resent unchanged (its duplicate finding recurs); N3-AWV a subsequent wellness
     * visit ten months after the last (too soon); N3-AWV-OK one a year after the initial visit
     * (payable).
     */
    static final List<String> NIGHT_3 =
            List.of(
                    "N2-DUP,1,P-1001,M,1970-01-01,2026-11-20,99213,,1,I10,1234567893,207Q00000X,11,Aetna,120.00,1",
                    "N3-AWV,1,P-1004,F,1950-03-03,2026-11-22,G0439,,1,Z00.00,1234567893,207Q00000X,11,Medicare,180.00,1",
                    "N3-AWV-OK,1,P-1005,M,1952-07-07,2026-11-22,G0439,,1,Z00.00,1234567893,207Q00000X,11,Medicare,180.00,1");

    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 21);

    private HistoryNights() {}

    static Path export(Path dir, String name, List<String> rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Scrubs {@code rows} as the night {@code night} (1, 2, 3) against {@code history}; reports in
     * dir/night-N.
     */
    static RunOutcome night(Path dir, int night, List<String> rows, HistoryStore.Options history)
            throws Exception {
        Path export = export(dir, "night-" + night + ".csv", rows);
        return new LocalRun()
                .run(
                        new RunOptions(
                                RunOptions.Input.files(List.of(export.toString())),
                                Shipped.sources().withHistory(history),
                                RunOptions.Policy.on(DAY_1.plusDays(night - 1L)),
                                RunOptions.Output.to(dir.resolve("night-" + night)),
                                new RunOptions.Execution(1, null)));
    }

    /** findings.csv as "claim rule" pairs. */
    static List<String> findings(Path reports) throws Exception {
        return Files.readAllLines(reports.resolve("findings.csv")).stream()
                .skip(1)
                .map(line -> line.split(",")[0] + " " + line.split(",")[4])
                .toList();
    }
}
