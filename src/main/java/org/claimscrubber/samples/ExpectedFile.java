package org.claimscrubber.samples;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimscrubber.domain.Severity;

/**
 * Reads a suite's expected.csv. Its header names claim_id, line_number and rule_id in any order.
 */
final class ExpectedFile {

    private ExpectedFile() {}

    static List<ExpectedFinding> read(Path file) throws SampleException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReaderBuilder(in).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new SampleException(
                        file + ": empty; the header must name claim_id, line_number, rule_id");
            }
            int claim = column(file, header, "claimid");
            int line = column(file, header, "linenumber");
            int rule = column(file, header, "ruleid");
            int severity = optionalColumn(header, "severity");
            List<ExpectedFinding> expected = new ArrayList<>();
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                long at = csv.getLinesRead();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                String ruleId = cell(cells, rule);
                if (ruleId.isEmpty()) {
                    continue; // a row documenting a clean case
                }
                String lineText = cell(cells, line);
                Integer lineNumber = null;
                if (!lineText.isEmpty()) {
                    try {
                        lineNumber = Integer.valueOf(lineText);
                    } catch (NumberFormatException e) {
                        throw new SampleException(
                                file
                                        + ":"
                                        + at
                                        + ": line_number '"
                                        + lineText
                                        + "' is not a whole number (leave it empty for a claim-level finding)");
                    }
                }
                Severity level = null;
                String severityText = severity < 0 ? "" : cell(cells, severity);
                if (!severityText.isEmpty()) {
                    try {
                        level = Severity.valueOf(severityText.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new SampleException(
                                file
                                        + ":"
                                        + at
                                        + ": severity '"
                                        + severityText
                                        + "' is not ERROR, WARNING or INFO");
                    }
                }
                expected.add(new ExpectedFinding(cell(cells, claim), lineNumber, ruleId, level));
            }
            return expected;
        } catch (IOException | CsvException e) {
            throw new SampleException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static int optionalColumn(String[] header, String key) {
        for (int i = 0; i < header.length; i++) {
            if (header[i]
                    .replace("\uFEFF", "")
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]", "")
                    .equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static int column(Path file, String[] header, String key) throws SampleException {
        for (int i = 0; i < header.length; i++) {
            String name =
                    header[i]
                            .replace("\uFEFF", "")
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9]", "");
            if (name.equals(key)) {
                return i;
            }
        }
        throw new SampleException(
                file
                        + ":1: no "
                        + key.replace("id", "_id").replace("number", "_number")
                        + " column");
    }

    private static String cell(String[] cells, int index) {
        return index < cells.length ? cells[index].strip() : "";
    }
}
