package org.claimscrubber.history;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.claimscrubber.domain.ClaimHistory;
import org.claimscrubber.domain.FrequencyLimit;
import org.claimscrubber.domain.PriorService;
import org.claimscrubber.input.PatientKeyer;
import org.claimscrubber.report.RunManifest;

/**
 * A claim history across nights, in SQLite (a file: one machine, nothing to install) or PostgreSQL
 * (a JDBC URL: a team, several machines). One row per scrubbed line, holding only what the history
 * edits need: the patient as a keyed hash, date of service, code, modifiers, units, rendering NPI,
 * payer, claim id and line, the run, its outcome and the rules that fired.
 *
 * <p>A run writes in one transaction that commits just before its reports do ({@link #commit}); a
 * run that fails or is killed leaves the history as it was. On SQLite the transaction is taken when
 * the run opens the history ({@code BEGIN IMMEDIATE}), so runs against one file take turns; the
 * questions the rules ask go through a second connection, which sees only what earlier runs
 * committed.
 *
 * <p>Duplicate, claim and frequency questions start in memory: every earlier night's keys are one
 * {@link NightIndex}, a limited code's services are read once a run ({@link CodeServices}), and
 * only a key found there costs a query, which compares the values themselves.
 */
public final class HistoryStore implements AutoCloseable {

    /**
     * @param location a file path (SQLite) or a JDBC URL (jdbc:postgresql://...)
     * @param keyFile the patient-key file, or null for the default beside a SQLite file
     * @param keepDays rows of runs older than this many days before the run date are purged
     */
    public record Options(String location, Path keyFile, int keepDays) {
        public static final int DEFAULT_KEEP_DAYS = 400;
    }

    /**
     * How long a run waits for another run that holds a SQLite history, before it gives up (exit
     * 2).
     */
    private static final int BUSY_TIMEOUT_MILLIS = 30 * 60 * 1000;

    private final String display;
    private final boolean postgres;
    private final Connection writer;
    private final Connection reader;
    private final byte[] key;
    private final LocalDate runDate;
    private final String runId;
    private final int keepDays;

    /** Which earlier nights may have forwarded a service, by its key. */
    private final NightIndex services;

    /** Which earlier nights may have scrubbed a claim id, by its key. */
    private final NightIndex claims;

    private final long earlierNights;

    /** The earlier nights' line tables, newest first. */
    private final List<String> nightTables;

    /** The earlier nights' run dates, as {@link #nightTables}. */
    private final List<String> nightDates;

    private final String table;
    private boolean committed;

    /**
     * The reader's prepared statements by their SQL, prepared once a run: a query per line that
     * each time compiled its SQL again cost more than the index lookup it made. Used under this
     * store's lock.
     */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /**
     * The forwarded services of each code the frequency question asked about, read once a run. Used
     * under this store's lock.
     */
    private final Map<String, CodeServices> codeServices = new HashMap<>();

    private HistoryStore(
            String display,
            boolean postgres,
            Connection writer,
            Connection reader,
            byte[] key,
            LocalDate runDate,
            String runId,
            int keepDays,
            NightIndex services,
            NightIndex claims,
            List<String> nightTables,
            List<String> nightDates) {
        this.display = display;
        this.postgres = postgres;
        this.writer = writer;
        this.reader = reader;
        this.key = key;
        this.runDate = runDate;
        this.runId = runId;
        this.keepDays = keepDays;
        this.services = services;
        this.claims = claims;
        this.earlierNights = nightTables.size();
        this.nightTables = List.copyOf(nightTables);
        this.nightDates = List.copyOf(nightDates);
        String id = runId.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        this.table =
                "lines_"
                        + runDate.toString().replace("-", "")
                        + "_"
                        + id.substring(0, Math.min(12, id.length()));
    }

    /**
     * Opens (creating on first use) the history and its key, and loads the earlier nights' keys.
     */
    public static HistoryStore open(Options options, LocalDate runDate, String runId)
            throws HistoryException {
        boolean jdbc = options.location().startsWith("jdbc:");
        boolean postgres = options.location().startsWith("jdbc:postgresql:");
        String display = display(options.location());
        Path keyFile = options.keyFile();
        if (keyFile == null) {
            if (jdbc) {
                throw new HistoryException(
                        "--history "
                                + display
                                + " is a database URL: give --history-key FILE, the"
                                + " patient-key file every machine that writes this history shares");
            }
            keyFile = Path.of(options.location() + ".key");
        }
        String url =
                jdbc
                        ? options.location()
                        : "jdbc:sqlite:" + createOwnerOnly(Path.of(options.location()));
        byte[] key = HistoryKey.loadOrCreate(keyFile);
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(url, postgres, jdbc, display);
            writer.setAutoCommit(false);
            Schema.migrate(writer, display, postgres);
            if (postgres) {
                // held until the run's connection closes: 'history forget' does not drop a night
                // this run is asking about (on SQLite the run's write lock keeps it out)
                try (Statement sql = writer.createStatement()) {
                    sql.execute("SELECT pg_advisory_lock_shared(" + Schema.RUNS_LOCK + ")");
                }
            }
            reader = connect(url, postgres, jdbc, display);
            reader.setAutoCommit(true);
            List<String> runs = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            List<String> dates = new ArrayList<>();
            try (Statement sql = reader.createStatement();
                    ResultSet rs =
                            sql.executeQuery(
                                    "SELECT run_id, lines_table, run_date FROM runs ORDER BY started DESC")) {
                while (rs.next()) {
                    runs.add(rs.getString(1));
                    tables.add(rs.getString(2));
                    dates.add(rs.getString(3));
                }
            }
            KeyIndexes keys = keyIndexes(reader, writer, runs);
            HistoryStore store =
                    new HistoryStore(
                            display,
                            postgres,
                            writer,
                            reader,
                            key,
                            runDate,
                            runId,
                            options.keepDays(),
                            keys.services(),
                            keys.claims(),
                            tables,
                            dates);
            store.execute(Schema.nightTable(store.table));
            return store;
        } catch (SQLException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            throw new HistoryException(
                    "the history " + display + " cannot be opened: " + sentence(e), e);
        } catch (HistoryException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            throw e;
        } catch (NightIndex.TooLarge e) {
            closeQuietly(reader);
            closeQuietly(writer);
            throw new HistoryException(
                    "the history " + display + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * A connection to a history that already exists, for {@link RecordedNights}: a SQLite file that
     * is not there is refused rather than created. To write, in a transaction (on SQLite it waits
     * for a run that holds the history) with the schema brought up to date; to read, outside one,
     * refusing only a newer schema, so listing never waits for a run.
     */
    static Connection connectExisting(String location, boolean write) throws HistoryException {
        boolean jdbc = location.startsWith("jdbc:");
        boolean postgres = location.startsWith("jdbc:postgresql:");
        String display = display(location);
        if (!jdbc && !Files.isRegularFile(Path.of(location))) {
            throw new HistoryException("the history " + display + " does not exist");
        }
        Connection connection = null;
        try {
            connection =
                    connect(jdbc ? location : "jdbc:sqlite:" + location, postgres, jdbc, display);
            connection.setAutoCommit(!write);
            if (write) {
                Schema.migrate(connection, display, postgres);
            } else {
                Schema.refuseNewer(connection, display);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new HistoryException(
                    "the history " + display + " cannot be opened: " + sentence(e), e);
        } catch (HistoryException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The location as messages name it: a URL without its password. */
    static String display(String location) {
        return location.startsWith("jdbc:") ? redacted(location) : location;
    }

    private static Connection connect(String url, boolean postgres, boolean jdbc, String display)
            throws SQLException, HistoryException {
        Properties properties = new Properties();
        if (postgres) {
            // a batch of inserts sent as multi-row INSERTs, not one statement a row
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        if (!jdbc) {
            properties.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("transaction_mode", "IMMEDIATE");
            // 128 MB of page cache: a night's inserts into the key indexes stay in memory until the
            // commit
            properties.setProperty("cache_size", "-131072");
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState())
                    && e.getMessage() != null
                    && e.getMessage().startsWith("No suitable driver")) {
                throw new HistoryException(
                        "--history "
                                + display
                                + ": no database driver for this URL; the scrubber"
                                + " reads SQLite files and jdbc:postgresql:// URLs");
            }
            throw e;
        }
    }

    /**
     * An empty file only its owner may read is a SQLite database; SQLite gives its WAL files the
     * same mode.
     */
    private static Path createOwnerOnly(Path file) throws HistoryException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(file)) {
                Files.createFile(
                        file,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
            }
            return file;
        } catch (FileAlreadyExistsException raced) {
            return file;
        } catch (IOException e) {
            throw new HistoryException(
                    "the history "
                            + file
                            + " cannot be created: "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
    }

    /** Which earlier nights may have forwarded a service, and scrubbed a claim. */
    private record KeyIndexes(NightIndex services, NightIndex claims) {}

    /**
     * Both indexes at once, the services' read through the reader while the claims' are read
     * through the writer on a thread of its own: two cores, about 2 s at 30 nights of a million
     * lines done in the time of the larger.
     */
    private static KeyIndexes keyIndexes(Connection reader, Connection writer, List<String> runs)
            throws SQLException {
        FutureTask<NightIndex> claims = new FutureTask<>(() -> index(writer, runs, "claim_keys"));
        Thread thread = new Thread(claims, "history-open-claims");
        thread.setDaemon(true);
        thread.start();
        NightIndex services;
        try {
            services = index(reader, runs, "service_keys");
        } catch (SQLException | RuntimeException e) {
            // the writer is closed after this: the claims' reading must be over first
            try {
                claims.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // the services' failure is the one reported
            }
            throw e;
        }
        try {
            return new KeyIndexes(services, Tasks.result(claims, SQLException.class));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the earlier nights' keys", e);
        }
    }

    /**
     * The earlier nights' keys of one kind ({@code service_keys}: forwarded services, {@code
     * claim_keys}: claims), newest first, from each run's blob (a few megabytes a night) rather
     * than from its rows.
     */
    private static NightIndex index(Connection reader, List<String> runs, String column)
            throws SQLException {
        try (PreparedStatement length =
                        reader.prepareStatement(
                                "SELECT LENGTH(" + column + ") FROM run_keys WHERE run_id = ?");
                PreparedStatement keys =
                        reader.prepareStatement(
                                "SELECT " + column + " FROM run_keys WHERE run_id = ?")) {
            return NightIndex.of(
                    runs.size(),
                    new NightIndex.Nights() {
                        @Override
                        public long bytes(int night) throws SQLException {
                            length.setString(1, runs.get(night));
                            try (ResultSet rs = length.executeQuery()) {
                                return rs.next() ? rs.getLong(1) : 0;
                            }
                        }

                        @Override
                        public byte[] keys(int night) throws SQLException {
                            keys.setString(1, runs.get(night));
                            try (ResultSet rs = keys.executeQuery()) {
                                return rs.next() ? rs.getBytes(1) : new byte[0];
                            }
                        }
                    });
        }
    }

    public PatientKeyer patientKeys() {
        return PatientKeyer.withKey(key);
    }

    /** The rules' view of the history, with the frequency limits they check. */
    public ClaimHistory claimHistory(List<FrequencyLimit> limits) {
        return new ClaimHistory(new Lookup(), limits);
    }

    /**
     * "history.db (SQLite, 12 earlier nights)": what the claim-history edits ran on, for run.json
     * and the summary.
     */
    public String label() {
        return display
                + " ("
                + (postgres ? "PostgreSQL" : display.startsWith("jdbc:") ? "JDBC" : "SQLite")
                + ", "
                + earlierNights
                + " earlier run"
                + (earlierNights == 1 ? "" : "s")
                + ")";
    }

    /**
     * This run's id in the history: its night in {@code history nights}, and what {@code history
     * forget} takes.
     */
    public String runId() {
        return runId;
    }

    Connection writer() {
        return writer;
    }

    /** This run's table of lines, created (uncommitted) when the history is opened. */
    String table() {
        return table;
    }

    private void execute(List<String> statements) throws SQLException {
        try (Statement sql = writer.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    /**
     * The reader's statement for {@code sql}, prepared on first use. Callers hold this store's
     * lock.
     */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = reader.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    /**
     * The lines of the claim's latest earlier run, as "line:rules" pairs, and that run's date; null
     * if none.
     */
    EarlierClaim earlierClaim(String claimId) throws SQLException {
        long claimKey = Keys.claim(claimId);
        // newest first: the claim's latest scrub. Most claims have no candidate night: the index is
        // asked without the store's lock, which the rule workers' questions take.
        for (int night : claims.nightsOf(claimKey)) {
            EarlierClaim earlier = earlierClaim(night, claimKey, claimId);
            if (earlier != null) {
                return earlier;
            }
        }
        return null;
    }

    private synchronized EarlierClaim earlierClaim(int night, long claimKey, String claimId)
            throws SQLException {
        PreparedStatement query =
                statement(
                        "SELECT line_number, rules FROM "
                                + nightTables.get(night)
                                + " WHERE claim_key = ? AND claim_id = ?");
        query.setLong(1, claimKey);
        query.setString(2, claimId);
        EarlierClaim earlier = null;
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                if (earlier == null) {
                    earlier = new EarlierClaim(nightDates.get(night), new ArrayList<>());
                }
                earlier.lines().add(new EarlierLine(rs.getInt(1), rs.getString(2)));
            }
        }
        return earlier;
    }

    record EarlierClaim(String runDate, List<EarlierLine> lines) {}

    record EarlierLine(int lineNumber, String rules) {}

    /**
     * Records the run's night and purges what is older than the retention, then commits: the caller
     * commits its reports right after. Before this, nothing the run wrote is visible to anyone.
     */
    public void commit(
            Instant started, long claims, long held, long heldCents, long lines, RunKeys keys)
            throws HistoryException {
        try (PreparedStatement run =
                        writer.prepareStatement(
                                "INSERT INTO runs (run_id, run_date, started, finished,"
                                        + " claims, held, held_cents, lines, lines_table) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement runKeys =
                        writer.prepareStatement(
                                "INSERT INTO run_keys (run_id, service_keys,"
                                        + " claim_keys) VALUES (?, ?, ?)")) {
            execute(Schema.nightIndexes(table));
            run.setString(1, runId);
            run.setString(2, runDate.toString());
            run.setString(3, started.toString());
            run.setString(4, Instant.now().toString());
            run.setLong(5, claims);
            run.setLong(6, held);
            run.setLong(7, heldCents);
            run.setLong(8, lines);
            run.setString(9, table);
            run.executeUpdate();
            runKeys.setString(1, runId);
            runKeys.setBytes(2, keys.services());
            runKeys.setBytes(3, keys.claims());
            runKeys.executeUpdate();
            String cutoff = runDate.minusDays(keepDays).toString();
            Schema.dropNights(writer, postgres, night -> night.runDate().compareTo(cutoff) < 0);
            writer.commit();
            committed = true;
        } catch (SQLException e) {
            throw new HistoryException(
                    "the history " + display + " cannot record this run: " + sentence(e), e);
        }
    }

    /**
     * The last {@code count} nights committed before this run, oldest first, for the report's
     * chart.
     */
    public List<RunManifest.Night> lastNights(int count) throws HistoryException {
        List<RunManifest.Night> nights = new ArrayList<>();
        try (PreparedStatement query =
                reader.prepareStatement(
                        "SELECT run_date, claims, held, held_cents FROM runs"
                                + " ORDER BY started DESC LIMIT ?")) {
            query.setInt(1, count);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    nights.add(
                            0,
                            new RunManifest.Night(
                                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return nights;
        } catch (SQLException e) {
            throw new HistoryException(
                    "the history " + display + " cannot be read: " + sentence(e), e);
        }
    }

    /** Rolls back what was not committed, and closes the connections. */
    @Override
    public void close() {
        if (!committed) {
            try {
                writer.rollback();
            } catch (SQLException e) {
                // closing rolls back too
            }
        }
        synchronized (this) {
            for (PreparedStatement statement : prepared.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // the connection's close that follows closes it too
                }
            }
            prepared.clear();
        }
        closeQuietly(reader);
        closeQuietly(writer);
    }

    /** The questions the rules ask, from worker threads. */
    private final class Lookup implements ClaimHistory.Lookup {

        @Override
        public PriorService cleanService(
                String patientKey,
                LocalDate dateOfService,
                String procedureCode,
                String modifiers,
                String renderingNpi,
                String claimId) {
            long serviceKey =
                    Keys.service(
                            patientKey,
                            dateOfService.toString(),
                            procedureCode,
                            modifiers,
                            renderingNpi);
            // newest first: the latest earlier sending
            for (int night : services.nightsOf(serviceKey)) {
                PriorService found =
                        query(
                                night,
                                "SELECT claim_id, date_of_service, procedure_code FROM "
                                        + nightTables.get(night)
                                        + " WHERE patient_code_key = ? AND patient_key = ? AND date_of_service = ? AND procedure_code = ?"
                                        + " AND modifiers = ? AND rendering_npi = ? AND outcome = 'forwarded' AND claim_id <> ?",
                                Keys.patientCode(patientKey, procedureCode),
                                patientKey,
                                dateOfService.toString(),
                                procedureCode,
                                modifiers,
                                renderingNpi,
                                claimId);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /**
         * Asked only for the lines of a code with a frequency limit, of every earlier night: the
         * code's services are looked at in memory ({@link CodeServices}), and only a night and date
         * found there is asked for its claim, latest first, until one is confirmed.
         */
        @Override
        public PriorService lastService(
                String patientKey, Set<String> codes, LocalDate before, String claimId) {
            PriorService last = null;
            for (String code : codes) {
                long patientCode = Keys.patientCode(patientKey, code);
                for (CodeServices.Candidate candidate :
                        servicesOf(code).before(patientCode, before)) {
                    if (last != null && !candidate.dateOfService().isAfter(last.dateOfService())) {
                        break;
                    }
                    PriorService found =
                            query(
                                    candidate.night(),
                                    "SELECT claim_id, date_of_service, procedure_code FROM "
                                            + nightTables.get(candidate.night())
                                            + " WHERE procedure_code = ? AND patient_code_key = ? AND date_of_service = ?"
                                            + " AND patient_key = ? AND outcome = 'forwarded' AND claim_id <> ?"
                                            + " ORDER BY claim_id",
                                    new Object[] {
                                        code,
                                        patientCode,
                                        candidate.dateOfService().toString(),
                                        patientKey,
                                        claimId
                                    });
                    if (found != null) {
                        last = found;
                        break;
                    }
                }
            }
            return last;
        }

        /** The code's services of every earlier night, read when the code is first asked about. */
        private CodeServices servicesOf(String code) {
            synchronized (HistoryStore.this) {
                CodeServices services = codeServices.get(code);
                if (services == null) {
                    try {
                        services = CodeServices.load(reader, code, nightTables);
                    } catch (SQLException e) {
                        throw new IllegalStateException(
                                "the history " + display + " cannot be read: " + sentence(e), e);
                    }
                    codeServices.put(code, services);
                }
                return services;
            }
        }

        /**
         * The first row of {@code sql} on an earlier night, whose parameters are the
         * patient-and-code key, then {@code values}.
         */
        private PriorService query(int night, String sql, long patientCode, String... values) {
            Object[] all = new Object[values.length + 1];
            all[0] = patientCode;
            System.arraycopy(values, 0, all, 1, values.length);
            return query(night, sql, all);
        }

        /**
         * The first row (claim id, date of service, code) of {@code sql} on an earlier night; its
         * parameters are {@code values}, longs and strings.
         */
        private PriorService query(int night, String sql, Object[] values) {
            synchronized (HistoryStore.this) {
                try {
                    PreparedStatement query = statement(sql);
                    int i = 1;
                    for (Object value : values) {
                        if (value instanceof Long number) {
                            query.setLong(i++, number);
                        } else {
                            query.setString(i++, (String) value);
                        }
                    }
                    query.setMaxRows(1);
                    try (ResultSet rs = query.executeQuery()) {
                        return rs.next()
                                ? new PriorService(
                                        LocalDate.parse(nightDates.get(night)),
                                        rs.getString(1),
                                        LocalDate.parse(rs.getString(2)),
                                        rs.getString(3))
                                : null;
                    }
                } catch (SQLException e) {
                    // A rule's question that fails is a failed rule: the engine holds the claim as
                    // not fully scrubbed.
                    throw new IllegalStateException(
                            "the history " + display + " cannot be read: " + sentence(e), e);
                }
            }
        }
    }

    static String sentence(SQLException e) {
        String message =
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A JDBC URL without its password, for messages and reports. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more to do
            }
        }
    }

    /**
     * A run's keys as stored: its forwarded lines' service keys and its claims' keys, each packed
     * by {@link NightIndex#pack}.
     */
    public record RunKeys(byte[] services, byte[] claims) {}

    /** A growable array of longs (30 nights of a million lines are 30 million keys: no boxing). */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        /** The values in the order they were added. */
        long[] inOrder() {
            return Arrays.copyOf(values, size);
        }

        /**
         * The keys as a night's blob holds them: spread ({@link NightIndex#spread}), sorted and
         * without repeats, 8 bytes a key.
         */
        byte[] packed() {
            return NightIndex.pack(Arrays.copyOf(values, size));
        }
    }
}
