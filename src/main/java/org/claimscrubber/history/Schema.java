package org.claimscrubber.history;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The history's tables, created on first use and migrated forward: {@code scrubber_schema} holds
 * the version, each migration takes it one step. SQL common to SQLite and PostgreSQL only (TEXT
 * dates in ISO form, BIGINT counts).
 */
final class Schema {

    /** One step of the schema, run in the migrating transaction. */
    private interface Migration {
        void apply(Statement sql, boolean postgres) throws SQLException;
    }

    /** Migrations in order; the schema's version is how many have run. */
    private static final List<Migration> MIGRATIONS =
            List.of(
                    Schema::runsAndTheirKeys,
                    Schema::nightsIndexedByCode,
                    Schema::nightsWithoutRunColumns);

    /**
     * Version 1: the runs, and each run's sorted keys (forwarded services, claims) as one blob
     * each, what the next runs load in one read. Lines go into one table per night ({@link
     * #nightTable}), viewed together as {@code lines}. {@code BLOB} is BYTEA on PostgreSQL.
     */
    private static void runsAndTheirKeys(Statement sql, boolean postgres) throws SQLException {
        sql.execute(
                "CREATE TABLE runs (run_id TEXT PRIMARY KEY, run_date TEXT NOT NULL, started TEXT NOT NULL,"
                        + " finished TEXT NOT NULL, claims BIGINT NOT NULL, held BIGINT NOT NULL,"
                        + " held_cents BIGINT NOT NULL, lines BIGINT NOT NULL, lines_table TEXT NOT NULL)");
        sql.execute(
                "CREATE TABLE run_keys (run_id TEXT PRIMARY KEY, service_keys "
                        + (postgres ? "BYTEA" : "BLOB")
                        + " NOT NULL, claim_keys "
                        + (postgres ? "BYTEA" : "BLOB")
                        + " NOT NULL)");
    }

    /**
     * Version 2: each night's lines indexed by code, patient-and-code key and date (replacing the
     * patient-and-code index), so a run reads a limited code's services of every night from the
     * index alone ({@link CodeServices}); each night's key blobs packed as {@link NightIndex#pack}
     * does (version 1 stored the keys unspread).
     */
    private static void nightsIndexedByCode(Statement sql, boolean postgres) throws SQLException {
        repackKeys(sql.getConnection());
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT lines_table FROM runs")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            sql.execute("DROP INDEX IF EXISTS " + table + "_patient_code");
            sql.execute(codeIndex(table));
        }
    }

    /**
     * Version 3: a night's new table holds no run id, run date or service key ({@link #nightTable}:
     * the first two are the same on every row and live in {@code runs}, the third only in the
     * night's key blob), a third less to write each night. Older nights keep those columns, unread;
     * the {@code lines} view names its columns, so it reads both. Nothing to rewrite: the version
     * keeps a scrubber of version 2, which reads {@code run_date} from a night's table, away from
     * the new ones.
     */
    private static void nightsWithoutRunColumns(Statement sql, boolean postgres) {}

    static final int VERSION = MIGRATIONS.size();

    /**
     * On PostgreSQL, the advisory lock every run holds shared while it goes, and {@code history
     * forget} exclusive.
     */
    static final long RUNS_LOCK = 7264553;

    /**
     * The columns of a night's table, in order; the {@code lines} view adds the run's id and date.
     */
    static final String LINE_COLUMNS =
            "claim_id, line_number, patient_key, date_of_service, procedure_code, modifiers, units,"
                    + " rendering_npi, payer, outcome, rules, claim_key, patient_code_key";

    /**
     * A night's own table of lines: its inserts land in small B-trees whatever the history's size,
     * its indexes are built once after them, and retention drops whole tables instead of deleting
     * rows.
     */
    static List<String> nightTable(String table) {
        return List.of(
                "CREATE TABLE "
                        + table
                        + " (claim_id TEXT NOT NULL, line_number INTEGER NOT NULL, patient_key TEXT NOT NULL,"
                        + " date_of_service TEXT NOT NULL, procedure_code TEXT NOT NULL, modifiers TEXT NOT NULL,"
                        + " units INTEGER NOT NULL, rendering_npi TEXT NOT NULL, payer TEXT NOT NULL, outcome TEXT NOT NULL,"
                        + " rules TEXT NOT NULL, claim_key BIGINT NOT NULL,"
                        + " patient_code_key BIGINT NOT NULL)");
    }

    /**
     * The indexes of a night's table, built after its rows are in (faster than growing them row by
     * row).
     */
    static List<String> nightIndexes(String table) {
        return List.of(
                codeIndex(table), "CREATE INDEX " + table + "_claim ON " + table + " (claim_key)");
    }

    /**
     * By code, then patient and code, then date, with the outcome: the duplicate and frequency
     * questions' lookups, and a code's forwarded services read from the index alone.
     */
    private static String codeIndex(String table) {
        return "CREATE INDEX IF NOT EXISTS "
                + table
                + "_code ON "
                + table
                + " (procedure_code, patient_code_key, date_of_service, outcome)";
    }

    /** A night of the {@code lines} view: its run, and the table of its lines. */
    record Night(String runId, String runDate, String table) {}

    /**
     * The view {@code lines}: every night's lines as one table, each with its run's id and date,
     * for a reader of the history (and the tests).
     */
    static List<String> linesView(List<Night> nights) {
        String union =
                nights.isEmpty()
                        ? "SELECT * FROM (SELECT '' AS run_id, '' AS run_date) AS none WHERE 1 = 0"
                        : String.join(
                                " UNION ALL ",
                                nights.stream()
                                        .map(
                                                n ->
                                                        "SELECT '"
                                                                + n.runId().replace("'", "''")
                                                                + "' AS run_id, '"
                                                                + n.runDate().replace("'", "''")
                                                                + "' AS run_date, "
                                                                + LINE_COLUMNS
                                                                + " FROM "
                                                                + n.table())
                                        .toList());
        return List.of("DROP VIEW IF EXISTS lines", "CREATE VIEW lines AS " + union);
    }

    /**
     * Drops the nights {@code drop} picks (their tables, keys and runs) and rebuilds the {@code
     * lines} view over the rest, in the caller's transaction; returns the nights dropped, oldest
     * first. Retention drops by date, {@code history forget} one run.
     */
    static List<Night> dropNights(Connection writer, boolean postgres, Predicate<Night> drop)
            throws SQLException {
        List<Night> dropped = new ArrayList<>();
        List<Night> kept = new ArrayList<>();
        try (Statement sql = writer.createStatement()) {
            if (postgres) {
                // two runs committing at once must not both rewrite the view
                sql.execute("SELECT pg_advisory_xact_lock(7264552)");
            }
            try (ResultSet rs =
                    sql.executeQuery(
                            "SELECT run_id, run_date, lines_table FROM runs ORDER BY started")) {
                while (rs.next()) {
                    Night night = new Night(rs.getString(1), rs.getString(2), rs.getString(3));
                    (drop.test(night) ? dropped : kept).add(night);
                }
            }
            sql.execute("DROP VIEW IF EXISTS lines");
            for (Night night : dropped) {
                sql.execute("DROP TABLE IF EXISTS " + night.table());
            }
        }
        try (PreparedStatement keys =
                        writer.prepareStatement("DELETE FROM run_keys WHERE run_id = ?");
                PreparedStatement runs =
                        writer.prepareStatement("DELETE FROM runs WHERE run_id = ?")) {
            for (Night night : dropped) {
                keys.setString(1, night.runId());
                keys.executeUpdate();
                runs.setString(1, night.runId());
                runs.executeUpdate();
            }
        }
        try (Statement sql = writer.createStatement()) {
            for (String statement : linesView(kept)) {
                sql.execute(statement);
            }
        }
        return dropped;
    }

    private Schema() {}

    private static void repackKeys(Connection connection) throws SQLException {
        List<String> runs = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT run_id FROM run_keys")) {
            while (rs.next()) {
                runs.add(rs.getString(1));
            }
        }
        try (PreparedStatement read =
                        connection.prepareStatement(
                                "SELECT service_keys, claim_keys FROM run_keys WHERE run_id = ?");
                PreparedStatement write =
                        connection.prepareStatement(
                                "UPDATE run_keys SET service_keys = ?, claim_keys = ? WHERE run_id = ?")) {
            for (String run : runs) {
                read.setString(1, run);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    write.setBytes(1, repacked(rs.getBytes(1)));
                    write.setBytes(2, repacked(rs.getBytes(2)));
                }
                write.setString(3, run);
                write.executeUpdate();
            }
        }
    }

    private static byte[] repacked(byte[] version1) {
        LongBuffer keys = ByteBuffer.wrap(version1).asLongBuffer();
        long[] raw = new long[keys.remaining()];
        keys.get(raw);
        return NightIndex.pack(raw);
    }

    /** The history's schema version; a version newer than this scrubber's is refused. */
    static int refuseNewer(Connection connection, String where)
            throws SQLException, HistoryException {
        int version = 0;
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT MAX(version) FROM scrubber_schema")) {
            if (rs.next()) {
                version = rs.getInt(1);
            }
        }
        if (version > VERSION) {
            throw new HistoryException(
                    "the history "
                            + where
                            + " has schema version "
                            + version
                            + ", newer than this scrubber's "
                            + VERSION
                            + "; run it with the scrubber that wrote it, or"
                            + " a newer one");
        }
        return version;
    }

    /** Brings the schema to {@link #VERSION} in one transaction, or refuses a newer one. */
    static void migrate(Connection connection, String where, boolean postgres)
            throws SQLException, HistoryException {
        try (Statement sql = connection.createStatement()) {
            if (postgres) {
                // two runs starting together on one server must not both create the tables
                sql.execute("SELECT pg_advisory_xact_lock(7264551)");
            }
            sql.execute("CREATE TABLE IF NOT EXISTS scrubber_schema (version INTEGER NOT NULL)");
            int version = refuseNewer(connection, where);
            for (int next = version; next < VERSION; next++) {
                MIGRATIONS.get(next).apply(sql, postgres);
            }
            if (version < VERSION) {
                sql.execute("DELETE FROM scrubber_schema");
                sql.execute("INSERT INTO scrubber_schema (version) VALUES (" + VERSION + ")");
            }
        }
        connection.commit();
    }
}
