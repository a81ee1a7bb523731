package org.claimscrubber.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The nights a history holds, and forgetting one: a night recorded by mistake (a test export, last
 * month's file run again, the wrong {@code --as-of}) would otherwise stand for the retention's 400
 * days, and every later run would check real claims against it (false duplicates, frequency limits
 * counted from services never sent).
 */
public final class RecordedNights {

    /** One run's night, as {@code history nights} lists it. */
    public record Night(
            String runId, String runDate, String started, long lines, long claims, long held) {}

    private RecordedNights() {}

    /** The history's nights, oldest first. */
    public static List<Night> list(String location) throws HistoryException {
        Connection connection = HistoryStore.connectExisting(location, false);
        try {
            return nights(connection, null);
        } catch (SQLException e) {
            throw cannotRead(location, e);
        } finally {
            HistoryStore.closeQuietly(connection);
        }
    }

    /**
     * Removes the run {@code runId}'s night (its lines, keys and run) in one transaction. On SQLite
     * it waits, as a run does, for a run that holds the history; on PostgreSQL, where runs go at
     * once, it is refused while a run goes. Returns the night forgotten.
     */
    public static Night forget(String location, String runId) throws HistoryException {
        Connection connection = HistoryStore.connectExisting(location, true);
        boolean postgres = location.startsWith("jdbc:postgresql:");
        try {
            if (postgres && !runsLockTaken(connection)) {
                throw new HistoryException(
                        "a run is using the history "
                                + HistoryStore.display(location)
                                + "; forget the night when it has finished");
            }
            List<Night> found = nights(connection, runId);
            if (found.isEmpty()) {
                throw new HistoryException(
                        "the history "
                                + HistoryStore.display(location)
                                + " holds no run "
                                + runId
                                + "; 'history nights' lists the runs it holds");
            }
            Schema.dropNights(connection, postgres, n -> n.runId().equals(runId));
            connection.commit();
            return found.get(0);
        } catch (SQLException e) {
            throw cannotRead(location, e);
        } finally {
            // closing rolls back what was not committed
            HistoryStore.closeQuietly(connection);
        }
    }

    /** The nights of the runs table, oldest first: all of them, or the run {@code runId}'s. */
    private static List<Night> nights(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT run_id, run_date, started, lines, claims, held FROM runs"
                                + (runId == null ? "" : " WHERE run_id = ?")
                                + " ORDER BY started")) {
            if (runId != null) {
                query.setString(1, runId);
            }
            List<Night> nights = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    nights.add(
                            new Night(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6)));
                }
            }
            return nights;
        }
    }

    /**
     * The lock runs hold shared while they go, taken exclusive for this transaction if no run holds
     * it: a run asking about the night would fail on its table gone.
     */
    private static boolean runsLockTaken(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rs =
                        sql.executeQuery(
                                "SELECT pg_try_advisory_xact_lock(" + Schema.RUNS_LOCK + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static HistoryException cannotRead(String location, SQLException e) {
        return new HistoryException(
                "the history "
                        + HistoryStore.display(location)
                        + " cannot be read: "
                        + HistoryStore.sentence(e),
                e);
    }
}
