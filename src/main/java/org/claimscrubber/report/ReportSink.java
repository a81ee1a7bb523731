package org.claimscrubber.report;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.SourceInfo;

/**
 * Writes a run's reports from the outcomes: findings.csv and .json, and with --split the clean and
 * held claims.
 */
public final class ReportSink implements OutcomeSink.Restartable, Closeable {

    public static final String FINDINGS_CSV = "findings.csv";
    public static final String FINDINGS_JSON = "findings.json";
    public static final String CLEAN = "clean-claims.csv";
    public static final String HELD = "held-claims.csv";

    /**
     * One row per claim with a finding or held: what compare needs to say which claims changed, and
     * their dollars.
     */
    public static final String CLAIMS = "claim-summary.csv";

    private final ReportFiles files;
    private final boolean split;
    private final Severity holdOn;

    /**
     * With --split, the names of the inputs, whose rows each go to a clean and a held file of their
     * own.
     */
    private final List<String> inputs;

    private FindingsCsvWriter csv;
    private ICSVWriter claimSummary;
    private FindingsJsonWriter json;
    private SplitWriter[] clean;
    private SplitWriter[] held;
    private OutcomeTally tally;
    private RunDigest digest = new RunDigest();
    private boolean open;
    private final Citations citations;

    /**
     * @param holdOn the least severity that holds a claim (--hold-on)
     * @param splitInputs the names of the run's inputs when rows are forwarded (--split), in order;
     *     empty when not
     * @param citations how findings.csv names the seed documents
     */
    public ReportSink(
            ReportFiles files, Severity holdOn, List<String> splitInputs, Citations citations)
            throws IOException {
        this.citations = citations;
        this.files = files;
        this.split = !splitInputs.isEmpty();
        this.holdOn = holdOn;
        this.inputs = List.copyOf(splitInputs);
        open();
    }

    /**
     * The clean or held file of each input: {@code clean-claims.csv} and {@code held-claims.csv}
     * for a run of one input; for several, one pair per input, numbered in the order given and
     * named after it ({@code clean-claims-2-late_batch.csv}), as each input's rows are forwarded
     * under its own header.
     */
    public static List<String> splitFiles(String kind, List<String> inputs) {
        if (inputs.size() == 1) {
            return List.of(kind);
        }
        String stem = kind.substring(0, kind.length() - ".csv".length());
        List<String> names = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String base =
                    inputs.get(i).equals(InputSource.STDIN_NAME)
                            ? "standard-input"
                            : Path.of(inputs.get(i)).getFileName().toString();
            base =
                    base.replaceAll("(?i)\\.gz$", "")
                            .replaceAll("(?i)\\.(csv|txt|tsv)$", "")
                            .replaceAll("[^A-Za-z0-9._-]", "_");
            names.add(stem + "-" + (i + 1) + "-" + base + ".csv");
        }
        return names;
    }

    private void open() throws IOException {
        csv = new FindingsCsvWriter(files.open(FINDINGS_CSV), citations);
        claimSummary = new CSVWriterBuilder(files.open(CLAIMS)).build();
        claimSummary.writeNext(
                new String[] {"claim_id", "worst_severity", "held", "charge"}, false);
        json = new FindingsJsonWriter(files.open(FINDINGS_JSON));
        if (split) {
            List<String> cleanNames = splitFiles(CLEAN, inputs);
            List<String> heldNames = splitFiles(HELD, inputs);
            clean = new SplitWriter[inputs.size()];
            held = new SplitWriter[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                clean[i] = new SplitWriter(files.openStream(cleanNames.get(i)), false);
                held[i] = new SplitWriter(files.openStream(heldNames.get(i)), true);
            }
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
            String[] row =
                    SpreadsheetSafe.row(
                            outcome.claimId(),
                            outcome.worst() == null ? "" : outcome.worst().name(),
                            isHeld ? "yes" : "no",
                            BigDecimal.valueOf(outcome.profile().chargeCents(), 2).toPlainString());
            claimSummary.writeNext(row, SpreadsheetSafe.quoteAll(row));
        }
        digest.add(
                outcome.findings(),
                isHeld,
                outcome.claimId(),
                outcome.profile(),
                String.join(";", outcome.heldBy(holdOn)));
        if (split) {
            String heldBy = String.join(";", outcome.heldBy(holdOn));
            for (ClaimRows.Row row : outcome.rows().asRead()) {
                int input = row.source().index();
                (isHeld ? held : clean)[input].write(row.source(), row.record(), heldBy);
            }
        }
    }

    @Override
    public void restart() throws IOException {
        closeWriters();
        open();
    }

    /**
     * Writes the header of every clean and held file that received no row (an empty file still says
     * which columns it would have), ends the JSON and closes every file; the reports are then ready
     * to be committed.
     *
     * @param sources the inputs as opened
     */
    public void finish(List<SourceInfo> sources) throws IOException {
        if (split) {
            for (SourceInfo source : sources) {
                if (source.index() < clean.length) {
                    clean[source.index()].writeHeader(source);
                    held[source.index()].writeHeader(source);
                }
            }
        }
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
            for (int i = 0; i < clean.length; i++) {
                clean[i].close();
                held[i].close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeWriters();
    }
}
