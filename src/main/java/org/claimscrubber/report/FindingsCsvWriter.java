package org.claimscrubber.report;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import org.claimscrubber.domain.Finding;

/**
 * Writes findings.csv: one row per finding, the columns of {@link #HEADER}, cells spreadsheet-safe.
 * {@code source} cites files and lines (for tools and for opening the file); {@code
 * source_document} says the same with the seed documents' titles, as report.html shows it.
 */
public final class FindingsCsvWriter implements Closeable {

    public static final String[] HEADER = {
        "claim_id",
        "line_number",
        "severity",
        "category",
        "rule_id",
        "procedure_code",
        "message",
        "source",
        "source_document",
        "input_file",
        "input_line",
        "suppressed"
    };

    private final ICSVWriter csv;
    private final Citations citations;

    public FindingsCsvWriter(Writer out, Citations citations) {
        this.citations = citations;
        this.csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
        csv.writeNext(HEADER, false);
    }

    public void write(Finding finding) {
        String[] row = row(finding, citations);
        csv.writeNext(row, SpreadsheetSafe.quoteAll(row));
    }

    /** A finding's cells in the order of {@link #HEADER}, spreadsheet-safe. */
    public static String[] row(Finding finding, Citations citations) {
        return SpreadsheetSafe.row(
                finding.claimId(),
                finding.lineNumber() == null ? "" : finding.lineNumber().toString(),
                finding.severity().name(),
                finding.category().name(),
                finding.ruleId(),
                finding.procedureCode(),
                finding.message(),
                finding.source(),
                citations.titled(finding.source()),
                finding.inputFile(),
                finding.inputLine() == 0 ? "" : Long.toString(finding.inputLine()),
                finding.suppressed());
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
