package org.claimscrubber.history;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;
import org.claimscrubber.report.ReportFiles;
import org.claimscrubber.report.SpreadsheetSafe;

/**
 * Writes a run's scrubbed lines into the history (uncommitted until {@link HistoryStore#commit}),
 * and for every claim id an earlier night scrubbed, says which of its findings are new, which recur
 * and which no longer fire ({@value #FILE}). Receives the outcomes in claim order on the run's
 * writing thread.
 */
public final class HistoryRecorder implements OutcomeSink.Restartable {

    /** The report of findings compared with the claim's last scrub: new, recurring, resolved. */
    public static final String FILE = "since-last-run.csv";

    static final String[] HEADER = {"claim_id", "line", "rule_id", "status", "last_scrubbed"};
    private static final int BATCH = 2_000;

    /**
     * What the run found against earlier nights, for run.json and report.html, and the run's keys
     * to store.
     */
    public record Counts(
            long linesRecorded,
            long claimsSeenBefore,
            long newFindings,
            long recurring,
            long resolved,
            HistoryStore.RunKeys keys) {}

    private final HistoryStore store;
    private final Severity holdOn;
    private final ReportFiles files;

    /**
     * Inserts the lines a batch at a time on a thread of its own, while this one goes on with the
     * next claims: the inserts were the writing thread's largest cost. One batch is inserted while
     * the next fills, so at most two are held. Its thread ends when idle.
     */
    private final ThreadPoolExecutor inserter =
            new ThreadPoolExecutor(
                    1,
                    1,
                    1,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "history-insert");
                        thread.setDaemon(true);
                        return thread;
                    });

    private PreparedStatement insert;
    private ICSVWriter sinceLastRun;
    private List<Row> batch = new ArrayList<>(BATCH);
    private Future<?> inserting = CompletableFuture.completedFuture(null);
    private long lines;
    private long claimsSeenBefore;
    private long newFindings;
    private long recurring;
    private long resolved;
    private final HistoryStore.LongList forwardedServices = new HistoryStore.LongList();
    private final HistoryStore.LongList claimKeys = new HistoryStore.LongList();

    public HistoryRecorder(HistoryStore store, Severity holdOn, ReportFiles files)
            throws IOException {
        this.store = store;
        this.holdOn = holdOn;
        this.files = files;
        inserter.allowCoreThreadTimeOut(true);
        open();
    }

    private void open() throws IOException {
        try {
            insert =
                    store.writer()
                            .prepareStatement(
                                    "INSERT INTO "
                                            + store.table()
                                            + " ("
                                            + Schema.LINE_COLUMNS
                                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new IOException("the history cannot be written: " + HistoryStore.sentence(e), e);
        }
        Writer out = files.open(FILE);
        sinceLastRun = new CSVWriterBuilder(out).withLineEnd("\n").build();
        sinceLastRun.writeNext(HEADER, false);
        batch = new ArrayList<>(BATCH);
        inserting = CompletableFuture.completedFuture(null);
        forwardedServices.clear();
        claimKeys.clear();
        lines = claimsSeenBefore = newFindings = recurring = resolved = 0;
    }

    @Override
    public void accept(ClaimOutcome outcome) throws IOException {
        if (!outcome.isClaim() || outcome.services().isEmpty()) {
            return;
        }
        try {
            compare(outcome);
            record(outcome);
        } catch (SQLException e) {
            throw new IOException("the history cannot be written: " + HistoryStore.sentence(e), e);
        }
    }

    /** A line as stored: the service as the outcome holds it, with its claim, outcome and keys. */
    private record Row(
            String claimId,
            ClaimOutcome.Service service,
            String outcome,
            String rules,
            long claimKey,
            long patientCodeKey) {}

    private void record(ClaimOutcome outcome) throws IOException {
        String result = outcome.held(holdOn) ? "held" : "forwarded";
        long claimKey = Keys.claim(outcome.claimId());
        claimKeys.add(claimKey);
        // the rules that fired, by line (0: the claim as a whole, kept once, on the first line),
        // grouped once
        Map<Integer, Set<String>> rulesByLine = new HashMap<>();
        for (Finding finding : outcome.findings()) {
            int line = finding.lineNumber() == null ? 0 : finding.lineNumber();
            rulesByLine
                    .computeIfAbsent(line, k -> new TreeSet<>())
                    .add(finding.lineNumber() == null ? "*" + finding.ruleId() : finding.ruleId());
        }
        boolean first = true;
        for (ClaimOutcome.Service service : outcome.services()) {
            Set<String> rules =
                    new TreeSet<>(rulesByLine.getOrDefault(service.lineNumber(), Set.of()));
            if (first) {
                rules.addAll(rulesByLine.getOrDefault(0, Set.of()));
            }
            first = false;
            long serviceKey =
                    Keys.service(
                            service.patientKey(),
                            service.dateOfService(),
                            service.procedureCode(),
                            service.modifiers(),
                            service.renderingNpi());
            if (result.equals("forwarded") && !service.patientKey().isEmpty()) {
                forwardedServices.add(serviceKey);
            }
            batch.add(
                    new Row(
                            outcome.claimId(),
                            service,
                            result,
                            String.join(";", rules),
                            claimKey,
                            Keys.patientCode(service.patientKey(), service.procedureCode())));
            lines++;
            if (batch.size() == BATCH) {
                flush();
            }
        }
    }

    /** Hands the batch to the inserting thread, once it has inserted the one before. */
    private void flush() throws IOException {
        awaitInserts();
        List<Row> rows = batch;
        batch = new ArrayList<>(BATCH);
        inserting =
                inserter.submit(
                        () -> {
                            insert(rows);
                            return null;
                        });
    }

    private void insert(List<Row> rows) throws SQLException {
        // in Schema.LINE_COLUMNS' order
        for (Row row : rows) {
            ClaimOutcome.Service service = row.service();
            int i = 1;
            insert.setString(i++, row.claimId());
            insert.setInt(i++, service.lineNumber());
            insert.setString(i++, service.patientKey());
            insert.setString(i++, service.dateOfService());
            insert.setString(i++, service.procedureCode());
            insert.setString(i++, service.modifiers());
            insert.setInt(i++, service.units());
            insert.setString(i++, service.renderingNpi());
            insert.setString(i++, service.payer());
            insert.setString(i++, row.outcome());
            insert.setString(i++, row.rules());
            insert.setLong(i++, row.claimKey());
            insert.setLong(i, row.patientCodeKey());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    /** Waits for the batch being inserted; its failure is this run's. */
    private void awaitInserts() throws IOException {
        try {
            Tasks.result(inserting, SQLException.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the history", e);
        } catch (SQLException e) {
            throw new IOException("the history cannot be written: " + HistoryStore.sentence(e), e);
        }
    }

    /** New, recurring and resolved findings of a claim id an earlier night scrubbed. */
    private void compare(ClaimOutcome outcome) throws SQLException {
        HistoryStore.EarlierClaim earlier = store.earlierClaim(outcome.claimId());
        if (earlier == null) {
            return;
        }
        claimsSeenBefore++;
        Set<String> before = new LinkedHashSet<>();
        for (HistoryStore.EarlierLine line : earlier.lines()) {
            for (String rule : line.rules().split(";")) {
                if (!rule.isEmpty()) {
                    before.add(
                            rule.startsWith("*")
                                    ? ":" + rule.substring(1)
                                    : line.lineNumber() + ":" + rule);
                }
            }
        }
        Set<String> now = new LinkedHashSet<>();
        for (Finding finding : outcome.findings()) {
            if (finding.isSuppressed()) {
                continue;
            }
            String key =
                    (finding.lineNumber() == null ? "" : finding.lineNumber())
                            + ":"
                            + finding.ruleId();
            if (now.add(key)) {
                boolean seen = before.contains(key);
                row(outcome.claimId(), key, seen ? "recurring" : "new", earlier.runDate());
                if (seen) {
                    recurring++;
                } else {
                    newFindings++;
                }
            }
        }
        for (String key : before) {
            if (!now.contains(key)) {
                row(outcome.claimId(), key, "resolved", earlier.runDate());
                resolved++;
            }
        }
    }

    private void row(String claimId, String key, String status, String lastScrubbed) {
        int colon = key.indexOf(':');
        sinceLastRun.writeNext(
                SpreadsheetSafe.row(
                        new String[] {
                            claimId,
                            key.substring(0, colon),
                            key.substring(colon + 1),
                            status,
                            lastScrubbed
                        }),
                false);
    }

    @Override
    public void restart() throws IOException {
        try {
            awaitInserts();
        } catch (IOException failed) {
            // the lines are deleted below, whatever was or was not inserted
        }
        try {
            insert.clearBatch();
            insert.close();
            try (PreparedStatement undo =
                    store.writer().prepareStatement("DELETE FROM " + store.table())) {
                undo.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IOException("the history cannot be written: " + HistoryStore.sentence(e), e);
        }
        sinceLastRun.close();
        open();
    }

    /** Writes what is pending and closes {@value #FILE}; the store commits next. */
    public Counts finish() throws IOException {
        if (!batch.isEmpty()) {
            flush();
        }
        awaitInserts();
        inserter.shutdown();
        try {
            insert.close();
        } catch (SQLException e) {
            throw new IOException("the history cannot be written: " + HistoryStore.sentence(e), e);
        }
        sinceLastRun.close();
        return new Counts(
                lines,
                claimsSeenBefore,
                newFindings,
                recurring,
                resolved,
                new HistoryStore.RunKeys(forwardedServices.packed(), claimKeys.packed()));
    }

    static List<String> header() {
        return List.of(HEADER);
    }
}
