package org.claimscrubber.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history's tables, created on first use and migrated forward: {@code scrubber_schema} holds
 * the version, each migration takes it one step. SQL common to SQLite and PostgreSQL only (TEXT
 * dates in ISO form, BIGINT counts).
 */
final class Schema {

    /**
     * Migrations in order; the schema's version is how many have run. {@code BLOB} is BYTEA on
     * PostgreSQL.
     */
    private static final List<List<String>> MIGRATIONS =
            List.of(
                    List.of(
                            "CREATE TABLE runs (run_id TEXT PRIMARY KEY, run_date TEXT NOT NULL, started TEXT NOT NULL,"
                                    + " finished TEXT NOT NULL, claims BIGINT NOT NULL, held BIGINT NOT NULL,"
                                    + " held_cents BIGINT NOT NULL, lines BIGINT NOT NULL, lines_table TEXT NOT NULL)",
                            // lines go into one table per night (see nightTable), viewed together
                            // as `lines`
                            // each run's sorted keys (forwarded services, claims) as one blob each:
                            // what the next runs load in one read
                            "CREATE TABLE run_keys (run_id TEXT PRIMARY KEY, service_keys BLOB NOT NULL, claim_keys BLOB NOT NULL)"));

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
                "CREATE INDEX " + table + "_patient_code ON " + table + " (patient_code_key)",
                "CREATE INDEX " + table + "_claim ON " + table + " (claim_key)");
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
                for (String statement : MIGRATIONS.get(next)) {
                    sql.execute(postgres ? statement.replace(" BLOB ", " BYTEA ") : statement);
                }
            }
            if (version < VERSION) {
                sql.execute("DELETE FROM scrubber_schema");
                sql.execute("INSERT INTO scrubber_schema (version) VALUES (" + VERSION + ")");
            }
        }
        connection.commit();
    }
}
