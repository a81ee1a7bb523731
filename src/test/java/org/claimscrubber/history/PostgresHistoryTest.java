package org.claimscrubber.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim history on a real PostgreSQL server: the same edits as on SQLite, and two runs at once.
 */
class PostgresHistoryTest {

    private static PostgresServer server;

    @TempDir Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private HistoryStore.Options history(String url) throws Exception {
        Path key = dir.resolve("history.key");
        return new HistoryStore.Options(url, key, HistoryStore.Options.DEFAULT_KEEP_DAYS);
    }

    private static List<String> historyFindings(Path reports) throws Exception {
        return HistoryNights.findings(reports).stream()
                .filter(f -> f.endsWith("HIST-001") || f.endsWith("FREQ-001"))
                .toList();
    }

    @Test
    void threeNightsOnPostgresCatchTheSameCasesAsOnSqlite() throws Exception {
        String url = server.newDatabase("nights");
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history(url));
        HistoryNights.night(dir, 2, HistoryNights.NIGHT_2, history(url));
        assertThat(historyFindings(dir.resolve("night-2")))
                .containsExactly("N2-DUP HIST-001", "N2-MAMMO FREQ-001");
        HistoryNights.night(dir, 3, HistoryNights.NIGHT_3, history(url));
        assertThat(historyFindings(dir.resolve("night-3")))
                .containsExactly("N2-DUP HIST-001", "N3-AWV FREQ-001");
        assertThat(Files.readAllLines(dir.resolve("night-3/since-last-run.csv")))
                .contains("N2-DUP,1,HIST-001,recurring,2026-11-22");
        assertThat(count(url, "SELECT COUNT(*) FROM runs")).isEqualTo(3);
        assertThat(count(url, "SELECT COUNT(*) FROM lines WHERE patient_key LIKE 'P-%'")).isZero();
    }

    @Test
    void aNightForgottenOnPostgresNoLongerCounts() throws Exception {
        String url = server.newDatabase("forget");
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history(url));
        String runId = RecordedNights.list(url).get(0).runId();
        assertThat(RecordedNights.forget(url, runId).lines()).isEqualTo(5);
        assertThat(RecordedNights.list(url)).isEmpty();
        assertThat(count(url, "SELECT COUNT(*) FROM lines")).isZero();
        HistoryNights.night(dir, 2, HistoryNights.NIGHT_2, history(url));
        assertThat(historyFindings(dir.resolve("night-2"))).isEmpty();
        assertThat(count(url, "SELECT COUNT(*) FROM lines")).isEqualTo(4);
    }

    /** Runs go at once on PostgreSQL: a night is not dropped under a run that may ask about it. */
    @Test
    void aNightIsNotForgottenWhileARunGoes() throws Exception {
        String url = server.newDatabase("forgetduringrun");
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history(url));
        String runId = RecordedNights.list(url).get(0).runId();
        try (HistoryStore running =
                HistoryStore.open(history(url), HistoryNights.DAY_1.plusDays(1), "run-2")) {
            assertThatThrownBy(() -> RecordedNights.forget(url, runId))
                    .isInstanceOf(HistoryException.class)
                    .hasMessageStartingWith("a run is using the history ");
        }
        assertThat(RecordedNights.list(url)).hasSize(1);
        RecordedNights.forget(url, runId);
        assertThat(RecordedNights.list(url)).isEmpty();
    }

    @Test
    void twoRunsAtOnceIntoOneHistoryBothCommitWhole() throws Exception {
        String url = server.newDatabase("concurrent");
        HistoryStore.Options options = history(url);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Path a = Files.createDirectories(dir.resolve("a"));
            Path b = Files.createDirectories(dir.resolve("b"));
            Future<?> first =
                    pool.submit(() -> HistoryNights.night(a, 1, HistoryNights.NIGHT_1, options));
            Future<?> second =
                    pool.submit(() -> HistoryNights.night(b, 1, HistoryNights.NIGHT_2, options));
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }
        assertThat(count(url, "SELECT COUNT(*) FROM runs")).isEqualTo(2);
        assertThat(count(url, "SELECT COUNT(*) FROM lines"))
                .isEqualTo(HistoryNights.NIGHT_1.size() + HistoryNights.NIGHT_2.size());
        assertThat(count(url, "SELECT MAX(version) FROM scrubber_schema"))
                .isEqualTo(Schema.VERSION);
        assertThat(count(url, "SELECT COUNT(*) FROM scrubber_schema")).isEqualTo(1);
    }

    @Test
    void aNewerSchemaOnTheServerIsRefused() throws Exception {
        String url = server.newDatabase("newer");
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history(url));
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("UPDATE scrubber_schema SET version = 42");
        }
        assertThatThrownBy(() -> HistoryNights.night(dir, 2, HistoryNights.NIGHT_2, history(url)))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("has schema version 42");
    }

    @Test
    void aServerThatCannotBeReachedIsOneSentence() {
        assertThatThrownBy(
                        () ->
                                HistoryStore.open(
                                        new HistoryStore.Options(
                                                "jdbc:postgresql://127.0.0.1:1/none?user=scrubber&password=secret",
                                                dir.resolve("k"),
                                                400),
                                        HistoryNights.DAY_1,
                                        "run"))
                .isInstanceOf(HistoryException.class)
                .hasMessageStartingWith(
                        "the history jdbc:postgresql://127.0.0.1:1/none?user=scrubber&password=***")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
