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
            List.of(Schema::runsAndTheirKeys, Schema::nightsIndexedByCode);

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

    static final int VERSION = MIGRATIONS.size();

    /**
     * A night's own table of lines: its inserts land in small B-trees whatever the history's size,
     * its indexes are built once after them, and retention drops whole tables instead of deleting
     * rows.
     */
    static List<String> nightTable(String table) {
        return List.of(
                "CREATE TABLE "
                        + table
                        + " (run_id TEXT NOT NULL, run_date TEXT NOT NULL,"
                        + " claim_id TEXT NOT NULL, line_number INTEGER NOT NULL, patient_key TEXT NOT NULL,"
                        + " date_of_service TEXT NOT NULL, procedure_code TEXT NOT NULL, modifiers TEXT NOT NULL,"
                        + " units INTEGER NOT NULL, rendering_npi TEXT NOT NULL, payer TEXT NOT NULL, outcome TEXT NOT NULL,"
                        + " rules TEXT NOT NULL, service_key BIGINT NOT NULL, claim_key BIGINT NOT NULL,"
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

    /**
     * The view {@code lines}: every night's lines as one table, for a reader of the history (and
     * the tests).
     */
    static List<String> linesView(List<String> tables, boolean postgres) {
        String union =
                tables.isEmpty()
                        ? "SELECT * FROM (SELECT '' AS run_id) AS none WHERE 1 = 0"
                        : String.join(
                                " UNION ALL ",
                                tables.stream().map(t -> "SELECT * FROM " + t).toList());
        return List.of("DROP VIEW IF EXISTS lines", "CREATE VIEW lines AS " + union);
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

    /** Brings the schema to {@link #VERSION} in one transaction, or refuses a newer one. */
    static void migrate(Connection connection, String where, boolean postgres)
            throws SQLException, HistoryException {
        try (Statement sql = connection.createStatement()) {
            if (postgres) {
                // two runs starting together on one server must not both create the tables
                sql.execute("SELECT pg_advisory_xact_lock(7264551)");
            }
            sql.execute("CREATE TABLE IF NOT EXISTS scrubber_schema (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet rs = sql.executeQuery("SELECT MAX(version) FROM scrubber_schema")) {
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
