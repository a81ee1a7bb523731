package org.claimscrubber.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A limited code's earlier services in memory: which nights and dates the frequency question asks
 * about.
 */
class CodeServicesTest {

    private static final long PATIENT = 42L;
    private static final LocalDate TONIGHT = LocalDate.of(2026, 12, 5);

    @Test
    void candidatesAreTheForwardedServicesOfTheCodeBeforeTheDateLatestFirst() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            night(
                    db,
                    "newer",
                    "('77067', 42, '2026-03-01', 'forwarded')",
                    "('77067', 42, '2026-03-01', 'forwarded')", // two claims, one date: asked once
                    "('77067', 42, '2026-06-01', 'held')", // held: never counts
                    "('77067', 42, '2026-12-05', 'forwarded')", // not before tonight
                    "('99213', 42, '2026-07-01', 'forwarded')", // another code
                    "('77067', 7, '2026-08-01', 'forwarded')"); // another patient
            night(
                    db,
                    "older",
                    "('77067', 42, '2026-03-01', 'forwarded')",
                    "('77067', 42, '2025-02-10', 'forwarded')",
                    "('77067', -9, '2026-01-01', 'forwarded')");

            CodeServices services = CodeServices.load(db, "77067", List.of("newer", "older"));

            assertThat(services.size()).isEqualTo(7);
            assertThat(services.before(PATIENT, TONIGHT))
                    .containsExactly(
                            new CodeServices.Candidate(0, LocalDate.of(2026, 3, 1)),
                            new CodeServices.Candidate(1, LocalDate.of(2026, 3, 1)),
                            new CodeServices.Candidate(1, LocalDate.of(2025, 2, 10)));
            assertThat(services.before(PATIENT, LocalDate.of(2026, 3, 1)))
                    .containsExactly(new CodeServices.Candidate(1, LocalDate.of(2025, 2, 10)));
            assertThat(services.before(-9L, TONIGHT))
                    .containsExactly(new CodeServices.Candidate(1, LocalDate.of(2026, 1, 1)));
            assertThat(services.before(1L, TONIGHT)).isEmpty();
        }
    }

    private static void night(Connection db, String table, String... rows) throws Exception {
        try (Statement sql = db.createStatement()) {
            sql.execute(
                    "CREATE TABLE "
                            + table
                            + " (procedure_code TEXT, patient_code_key BIGINT, date_of_service TEXT, outcome TEXT)");
            sql.execute(
                    "INSERT INTO "
                            + table
                            + " (procedure_code, patient_code_key, date_of_service, outcome) VALUES "
                            + String.join(", ", rows));
        }
    }
}
