package org.claimscrubber.report;

import java.io.Closeable;
import java.io.IOException;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.report.FindingsCsvWriter;
import org.claimscrubber.report.FindingsJsonWriter;
import org.claimscrubber.report.SplitWriter;

/** Writes a run's reports from the outcomes: findings.csv and .json, and with --split the clean and held claims. */
public final class ReportSink implements OutcomeSink.Restartable, Closeable {

    public static final String FINDINGS_CSV = "findings.csv";
    public static final String FINDINGS_JSON = "findings.json";
    public static final String CLEAN = "clean-claims.csv";
    public static final String HELD = "held-claims.csv";
    /** One row per claim with a finding or held: what compare needs to say which claims changed, and their dollars. */
    public static final String CLAIMS = "claim-summary.csv";

    private final ReportFiles files;
    private final boolean split;
    private final Severity holdOn;
    private FindingsCsvWriter csv;
    private com.opencsv.ICSVWriter claimSummary;
    private FindingsJsonWriter json;
    private SplitWriter clean;
    private SplitWriter held;
    private OutcomeTally tally;
    private RunDigest digest = new RunDigest();
    private boolean open;

    /** @param holdOn the least severity that holds a claim (--hold-on) */
    public ReportSink(ReportFiles files, boolean split, Severity holdOn) throws IOException {
        this.files = files;
        this.split = split;
        this.holdOn = holdOn;
        open();
    }

    private void open() throws IOException {
        csv = new FindingsCsvWriter(files.open(FINDINGS_CSV));
        claimSummary = new com.opencsv.CSVWriterBuilder(files.open(CLAIMS)).build();
        claimSummary.writeNext(new String[] {"claim_id", "worst_severity", "held", "charge"}, false);
        json = new FindingsJsonWriter(files.open(FINDINGS_JSON));
        if (split) {
            clean = new SplitWriter(files.open(CLEAN), false);
            held = new SplitWriter(files.open(HELD), true);
        }
        open = true;
        tally = new OutcomeTally(holdOn);
        digest = new RunDigest();
    }

    @Override
    public void accept(ClaimOutcome outcome) throws IOException {
        for (Finding finding : outcome.findings()) {
            csv.write(finding);
            json.write(finding);
        }
        boolean isHeld = tally.add(outcome);
        if (outcome.isClaim() && (isHeld || !outcome.findings().isEmpty())) {
            claimSummary.writeNext(org.claimscrubber.report.SpreadsheetSafe.row(outcome.claimId(),
                    outcome.worst() == null ? "" : outcome.worst().name(), isHeld ? "yes" : "no",
                    java.math.BigDecimal.valueOf(outcome.profile().chargeCents(), 2).toPlainString()), false);
        }
        digest.add(outcome.findings(), isHeld, outcome.claimId(), outcome.profile().payer(), outcome.profile().taxonomy(),
                outcome.profile().chargeCents(), String.join(";", outcome.heldBy(holdOn)));
        if (split) {
            String heldBy = String.join(";", outcome.heldBy(holdOn));
            for (ClaimRows.Row row : outcome.rows().asRead()) {
                (isHeld ? held : clean).write(row.source().header(), row.record().cells(), heldBy);
            }
        }
    }

    @Override
    public void restart() throws IOException {
        closeWriters();
        open();
    }

    /** Ends the JSON and closes every file; the reports are then ready to be committed. */
    public void finish() throws IOException {
        json.finish(tally.findings());
        closeWriters();
    }

    public OutcomeTally tally() {
        return tally;
    }

    public RunDigest digest() {
        return digest;
    }

    private void closeWriters() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        csv.close();
        json.close();
        claimSummary.close();
        if (split) {
            clean.close();
            held.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeWriters();
    }
}
