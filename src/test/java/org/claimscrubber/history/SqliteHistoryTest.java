package org.claimscrubber.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.claimscrubber.batch.LocalRun;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.batch.RunOutcome;
import org.claimscrubber.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim history on SQLite, the embedded default: the edits it enables, its safety, its privacy.
 */
class SqliteHistoryTest {

    @TempDir Path dir;

    private HistoryStore.Options history() {
        return new HistoryStore.Options(
                dir.resolve("history.db").toString(), null, HistoryStore.Options.DEFAULT_KEEP_DAYS);
    }

    private static List<String> historyFindings(Path reports) throws Exception {
        return HistoryNights.findings(reports).stream()
                .filter(f -> f.endsWith("HIST-001") || f.endsWith("FREQ-001"))
                .toList();
    }

    @Test
    void
            overThreeNightsExactlyThePlantedCasesAreCaughtAndEachMorningSaysWhatIsNewRecurringAndResolved()
                    throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        assertThat(historyFindings(dir.resolve("night-1"))).isEmpty();
        assertThat(HistoryNights.findings(dir.resolve("night-1")))
                .allMatch(f -> f.startsWith("N1-H "));

        RunOutcome two = HistoryNights.night(dir, 2, HistoryNights.NIGHT_2, history());
        // the duplicate and the early mammogram; not the replacement (7), not the reworked held
        // claim
        assertThat(historyFindings(dir.resolve("night-2")))
                .containsExactly("N2-DUP HIST-001", "N2-MAMMO FREQ-001");
        assertThat(HistoryNights.findings(dir.resolve("night-2")))
                .noneMatch(f -> f.startsWith("N2-REPL ") || f.startsWith("N1-H "));
        assertThat(Files.readAllLines(dir.resolve("night-2/since-last-run.csv")))
                .anyMatch(row -> row.startsWith("N1-H,1,") && row.endsWith(",resolved,2026-11-21"));
        assertThat(two.manifest().history().claimsSeenBefore()).isEqualTo(1);
        assertThat(two.manifest().history().resolvedFindings()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("night-2/findings.csv")))
                .contains("already sent clean on claim N1-A, scrubbed 2026-11-21")
                .contains("from 2027-02-01");

        RunOutcome three = HistoryNights.night(dir, 3, HistoryNights.NIGHT_3, history());
        assertThat(historyFindings(dir.resolve("night-3")))
                .containsExactly("N2-DUP HIST-001", "N3-AWV FREQ-001");
        assertThat(HistoryNights.findings(dir.resolve("night-3")))
                .noneMatch(f -> f.startsWith("N3-AWV-OK "));
        assertThat(Files.readAllLines(dir.resolve("night-3/since-last-run.csv")))
                .contains("N2-DUP,1,HIST-001,recurring,2026-11-22");
        assertThat(three.manifest().history().recurringFindings()).isEqualTo(1);
        assertThat(three.manifest().history().lastNights())
                .extracting(n -> n.runDate())
                .containsExactly("2026-11-21", "2026-11-22", "2026-11-23");
        String html = Files.readString(dir.resolve("night-3/report.html"));
        assertThat(html).contains("Since the last run").contains("<b>1</b> recurring");
    }

    /**
     * --history beside --baseline and compare: the reports compare as before, the history compares
     * nights.
     */
    @Test
    void theHistoryGoesWithBaselineAndCompare() throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        Path export = HistoryNights.export(dir, "night-2.csv", HistoryNights.NIGHT_2);
        RunOutcome two =
                new LocalRun()
                        .run(
                                new RunOptions(
                                        RunOptions.Input.files(List.of(export.toString())),
                                        Shipped.sources().withHistory(history()),
                                        RunOptions.Policy.on(HistoryNights.DAY_1.plusDays(1)),
                                        new RunOptions.Output(
                                                dir.resolve("night-2"),
                                                false,
                                                false,
                                                dir.resolve("night-1")),
                                        new RunOptions.Execution(1, null)));
        assertThat(two.changes()).isNotNull();
        assertThat(Files.readString(dir.resolve("night-2/changes.csv"))).contains("HIST-001");
        assertThat(two.manifest().history().claimsSeenBefore()).isEqualTo(1);
        StringWriter out = new StringWriter();
        int exit =
                Main.execute(
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter()),
                        "compare",
                        dir.resolve("night-1").toString(),
                        dir.resolve("night-2").toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("HIST-001");
    }

    @Test
    void withoutAHistoryTheEditsAreSilentAndTheLinesCountAsNotChecked() throws Exception {
        Path export = HistoryNights.export(dir, "night.csv", HistoryNights.NIGHT_2);
        new LocalRun()
                .run(
                        new RunOptions(
                                RunOptions.Input.files(List.of(export.toString())),
                                Shipped.sources(),
                                RunOptions.Policy.on(HistoryNights.DAY_1),
                                RunOptions.Output.to(dir.resolve("out")),
                                new RunOptions.Execution(1, null)));
        assertThat(historyFindings(dir.resolve("out"))).isEmpty();
        JsonNode checks =
                new ObjectMapper().readTree(dir.resolve("out/run.json").toFile()).get("checks");
        JsonNode history = null;
        for (JsonNode check : checks) {
            if (check.get("edits").asText().startsWith("Claim history")) {
                history = check;
            }
        }
        assertThat(history).isNotNull();
        assertThat(history.get("lines_not_checked").asLong())
                .isEqualTo(HistoryNights.NIGHT_2.size());
        assertThat(history.get("data").asText()).contains("no --history");
    }

    @Test
    void aRunThatFailsMidwayLeavesTheHistoryAsItWas() throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        long before = count("SELECT COUNT(*) FROM lines");
        byte[] text =
                (HistoryNights.HEADER + "\n" + String.join("\n", HistoryNights.NIGHT_2) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
        InputStream dying =
                new InputStream() {
                    private final InputStream in = new ByteArrayInputStream(text);

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b < 0) {
                            throw new IOException("the export's disk went away");
                        }
                        return b;
                    }
                };
        assertThatThrownBy(
                        () ->
                                new LocalRun()
                                        .run(
                                                new RunOptions(
                                                        new RunOptions.Input(
                                                                List.of("-"), dying, '\0'),
                                                        Shipped.sources().withHistory(history()),
                                                        RunOptions.Policy.on(
                                                                HistoryNights.DAY_1.plusDays(1)),
                                                        RunOptions.Output.to(dir.resolve("failed")),
                                                        new RunOptions.Execution(1, null))))
                .isInstanceOf(IOException.class);
        assertThat(count("SELECT COUNT(*) FROM lines")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM runs")).isEqualTo(1);
        assertThat(dir.resolve("failed/run.json")).doesNotExist();
    }

    /**
     * An export found ungrouped after more than a batch of its lines was inserted is scrubbed
     * again, partitioned: the lines the first pass inserted (on the inserting thread) are taken
     * back, and each line is recorded once.
     */
    @Test
    void anExportFoundUngroupedHalfwayRecordsEachLineOnce() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(
                    String.format(
                            "G%05d,1,P-%d,M,1970-01-01,2026-11-20,99213,,1,I10,1234567893,"
                                    + "207Q00000X,11,Aetna,120.00,1",
                            i, i));
        }
        // claim G00000's second line, far from its first
        rows.add(
                "G00000,2,P-0,M,1970-01-01,2026-11-20,99214,,1,I10,1234567893,207Q00000X,11,"
                        + "Aetna,160.00,1");
        RunOutcome outcome = HistoryNights.night(dir, 1, rows, history());
        assertThat(outcome.manifest().mode()).startsWith("partitioned");
        assertThat(count("SELECT COUNT(*) FROM lines")).isEqualTo(2_501);
        assertThat(count("SELECT COUNT(DISTINCT claim_id || ':' || line_number) FROM lines"))
                .isEqualTo(2_501);
    }

    @Test
    void aHistoryOfANewerSchemaIsRefusedInOneSentence() throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        execute("UPDATE scrubber_schema SET version = 99");
        assertThatThrownBy(() -> HistoryNights.night(dir, 2, HistoryNights.NIGHT_2, history()))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining(
                        "has schema version 99, newer than this scrubber's " + Schema.VERSION);
    }

    @Test
    void aHistoryOfTheFirstSchemaIsMigratedAndItsNightsStillCount() throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        String night1 = string("SELECT lines_table FROM runs");
        // as version 1 left a night: the run's id and date and the service key on every row,
        // indexed by patient and code only
        for (String column : List.of("run_id", "run_date", "service_key")) {
            execute(
                    "ALTER TABLE "
                            + night1
                            + " ADD COLUMN "
                            + column
                            + " TEXT NOT NULL DEFAULT ''");
        }
        execute("DROP INDEX " + night1 + "_code");
        execute("CREATE INDEX " + night1 + "_patient_code ON " + night1 + " (patient_code_key)");
        // and its keys as version 1 stored them: sorted as they come, not spread
        try (Connection c =
                        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                PreparedStatement update =
                        c.prepareStatement(
                                "UPDATE run_keys SET service_keys = ?, claim_keys = ?")) {
            update.setBytes(
                    1,
                    version1Keys(
                            c,
                            "SELECT patient_key, date_of_service, procedure_code, modifiers,"
                                    + " rendering_npi FROM "
                                    + night1
                                    + " WHERE outcome = 'forwarded' AND patient_key <> ''",
                            rs ->
                                    Keys.service(
                                            rs.getString(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getString(5))));
            update.setBytes(
                    2, version1Keys(c, "SELECT claim_key FROM " + night1, rs -> rs.getLong(1)));
            update.executeUpdate();
        }
        execute("UPDATE scrubber_schema SET version = 1");

        HistoryNights.night(dir, 2, HistoryNights.NIGHT_2, history());

        assertThat(count("SELECT MAX(version) FROM scrubber_schema")).isEqualTo(Schema.VERSION);
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '"
                                        + night1
                                        + "_code'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%_patient_code'"))
                .isZero();
        assertThat(historyFindings(dir.resolve("night-2")))
                .containsExactlyInAnyOrder("N2-DUP HIST-001", "N2-MAMMO FREQ-001");
        // the view reads the old night's table and the new one, each with its run's date
        assertThat(count("SELECT COUNT(*) FROM lines WHERE run_date = '2026-11-21'"))
                .isEqualTo(HistoryNights.NIGHT_1.size());
        assertThat(count("SELECT COUNT(*) FROM lines WHERE run_date = '2026-11-22'"))
                .isEqualTo(HistoryNights.NIGHT_2.size());
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInOneSentence() throws Exception {
        Files.writeString(dir.resolve("history.db"), "claim_id,line\nC1,1\n".repeat(200));
        assertThatThrownBy(() -> HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history()))
                .isInstanceOf(HistoryException.class)
                .hasMessageStartingWith(
                        "the history " + dir.resolve("history.db") + " cannot be opened:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void patientIdsAreStoredOnlyAsKeyedHashesInOwnerOnlyFiles() throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        byte[] database = Files.readAllBytes(dir.resolve("history.db"));
        String asText = new String(database, StandardCharsets.ISO_8859_1);
        for (Path wal : List.of(dir.resolve("history.db-wal"))) {
            if (Files.exists(wal)) {
                asText += new String(Files.readAllBytes(wal), StandardCharsets.ISO_8859_1);
            }
        }
        assertThat(asText).doesNotContain("P-1001").doesNotContain("1970-01-01");
        assertThat(count("SELECT COUNT(*) FROM lines WHERE length(patient_key) = 32")).isEqualTo(5);
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(dir.resolve("history.db"))))
                .isEqualTo("rw-------");
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(dir.resolve("history.db.key"))))
                .isEqualTo("rw-------");
    }

    /**
     * A night recorded by mistake is forgotten whole: tomorrow's duplicate of its claim and the
     * mammogram too soon after its one no longer fire, and the history holds the other nights.
     */
    @Test
    void aNightForgottenNoLongerCountsForTheNightsAfterIt() throws Exception {
        RunOutcome mistaken = HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        HistoryNights.night(dir, 2, HistoryNights.NIGHT_3, history());
        List<RecordedNights.Night> nights = RecordedNights.list(history().location());
        assertThat(nights)
                .extracting(RecordedNights.Night::runDate, RecordedNights.Night::lines)
                .containsExactly(tuple("2026-11-21", 5L), tuple("2026-11-22", 3L));
        String table = string("SELECT lines_table FROM runs WHERE run_date = '2026-11-21'");
        // run.json names the run, for the operator who finds the night was a mistake
        assertThat(mistaken.manifest().history().runId()).isEqualTo(nights.get(0).runId());
        assertThat(
                        new ObjectMapper()
                                .readTree(dir.resolve("night-1/run.json").toFile())
                                .path("history")
                                .path("run_id")
                                .asText())
                .isEqualTo(nights.get(0).runId());

        RecordedNights.Night forgotten =
                RecordedNights.forget(history().location(), nights.get(0).runId());

        assertThat(forgotten).isEqualTo(nights.get(0));
        assertThat(RecordedNights.list(history().location())).containsExactly(nights.get(1));
        assertThat(count("SELECT COUNT(*) FROM lines WHERE run_date = '2026-11-21'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM lines")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM run_keys")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = '" + table + "'"))
                .isZero();
        HistoryNights.night(dir, 3, HistoryNights.NIGHT_2, history());
        assertThat(historyFindings(dir.resolve("night-3"))).isEmpty();
    }

    @Test
    void forgettingARunTheHistoryDoesNotHoldIsOneSentenceAndChangesNothing() throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        assertThatThrownBy(() -> RecordedNights.forget(history().location(), "no-such-run"))
                .isInstanceOf(HistoryException.class)
                .hasMessage(
                        "the history "
                                + history().location()
                                + " holds no run no-such-run; 'history nights' lists the runs it"
                                + " holds");
        assertThat(count("SELECT COUNT(*) FROM lines")).isEqualTo(5);
    }

    @Test
    void aHistoryThatDoesNotExistIsNotCreatedByListingIt() {
        assertThatThrownBy(() -> RecordedNights.list(history().location()))
                .isInstanceOf(HistoryException.class)
                .hasMessage("the history " + history().location() + " does not exist");
        assertThat(dir.resolve("history.db")).doesNotExist();
    }

    /** Listed and forgotten through the command line, as an operator does. */
    @Test
    void theHistoryCommandListsTheNightsAndForgetsOne() throws Exception {
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, history());
        String location = history().location();
        Cli.Result listed = Cli.execute("history", "nights", "--history", location);
        assertThat(listed.exitCode()).isZero();
        String runId = string("SELECT run_id FROM runs");
        assertThat(listed.out())
                .contains("run date")
                .contains("2026-11-21")
                .contains(runId)
                .endsWith("1 night" + System.lineSeparator());

        Cli.Result forgot = Cli.execute("history", "forget", "--history", location, runId);
        assertThat(forgot.exitCode()).isZero();
        assertThat(forgot.out())
                .startsWith("forgot run " + runId + ": the night of 2026-11-21, 5 lines;");
        assertThat(Cli.execute("history", "nights", "--history", location).out())
                .endsWith("0 nights" + System.lineSeparator());

        Cli.Result again = Cli.execute("history", "forget", "--history", location, runId);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("error: the history " + location + " holds no run");
        assertThat(again.err().lines()).hasSize(1);
    }

    @Test
    void rowsOlderThanTheRetentionArePurged() throws Exception {
        HistoryStore.Options keepOneDay =
                new HistoryStore.Options(dir.resolve("history.db").toString(), null, 1);
        HistoryNights.night(dir, 1, HistoryNights.NIGHT_1, keepOneDay);
        HistoryNights.night(dir, 2, HistoryNights.NIGHT_2, keepOneDay);
        assertThat(count("SELECT COUNT(*) FROM lines WHERE run_date = '2026-11-21'")).isEqualTo(5);
        HistoryNights.night(dir, 3, HistoryNights.NIGHT_3, keepOneDay);
        assertThat(count("SELECT COUNT(*) FROM lines WHERE run_date = '2026-11-21'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void aDatabaseUrlNeedsAKeyFileEveryMachineShares() {
        assertThatThrownBy(
                        () ->
                                HistoryStore.open(
                                        new HistoryStore.Options(
                                                "jdbc:postgresql://db.example/claims", null, 400),
                                        HistoryNights.DAY_1,
                                        "run"))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("give --history-key FILE");
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(string(sql));
    }

    /** A key of the current row. */
    private interface RowKey {
        long of(ResultSet row) throws SQLException;
    }

    private static byte[] version1Keys(Connection c, String sql, RowKey key) throws Exception {
        TreeSet<Long> keys = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                keys.add(key.of(rs));
            }
        }
        ByteBuffer packed = ByteBuffer.allocate(keys.size() * Long.BYTES);
        keys.forEach(packed::putLong);
        return packed.array();
    }

    private String string(String sql) throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
