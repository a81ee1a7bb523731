package org.claimscrubber.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a rule change did: two report folders' findings compared. A finding is the same finding when
 * its claim, line, rule and procedure agree; it was added, removed, or changed (severity or
 * message). Claims newly held and newly released follow from each folder's hold policy (run.json).
 * Written as changes.csv, summed by rule.
 */
public final class Changes {

    public static final String FILE = "changes.csv";
    private static final String[] HEADER = {
        "change",
        "rule_id",
        "claim_id",
        "line_number",
        "procedure_code",
        "severity_before",
        "severity_after",
        "message_before",
        "message_after",
        "charge"
    };

    /** One difference. {@code kind}: added, removed, changed, newly_held, newly_released. */
    public record Change(
            String kind,
            String ruleId,
            String claimId,
            String lineNumber,
            String procedureCode,
            String severityBefore,
            String severityAfter,
            String messageBefore,
            String messageAfter,
            String charge) {}

    private final List<Change> changes;
    private final long newlyHeldCents;
    private final long newlyReleasedCents;

    private Changes(List<Change> changes, long newlyHeldCents, long newlyReleasedCents) {
        this.changes = List.copyOf(changes);
        this.newlyHeldCents = newlyHeldCents;
        this.newlyReleasedCents = newlyReleasedCents;
    }

    public List<Change> changes() {
        return changes;
    }

    /**
     * Reads a baseline folder as a comparison will, before a run starts: a folder that is not a
     * report is said then, not after the night's work is done (issue 21: a bad --baseline threw the
     * finished run away).
     */
    public static void checkBaseline(Path baseline) throws IOException {
        if (!Files.isDirectory(baseline)) {
            throw new NoSuchFileException(baseline.toString(), null, "no such folder");
        }
        read(baseline.resolve("findings.csv"));
        charges(baseline.resolve("claim-summary.csv"));
        try {
            holdPolicy(baseline);
        } catch (IOException | RuntimeException e) {
            throw new IOException(baseline.resolve("run.json") + " cannot be read as JSON");
        }
    }

    /** Compares the findings.csv of two report folders. */
    public static Changes between(Path baseline, Path current) throws IOException {
        return between(
                baseline,
                current.resolve("findings.csv"),
                current.resolve("claim-summary.csv"),
                holdPolicy(current));
    }

    /**
     * The same for a run that is still writing its folder: its findings and claim summary files and
     * its hold policy are given directly.
     */
    public static Changes between(
            Path baseline, Path currentFindings, Path currentClaims, String currentHoldOn)
            throws IOException {
        Map<String, Row> before = read(baseline.resolve("findings.csv"));
        Map<String, Row> after = read(currentFindings);
        List<Change> list = new ArrayList<>();
        for (var entry : after.entrySet()) {
            Row now = entry.getValue();
            Row then = before.get(entry.getKey());
            if (then == null) {
                list.add(change("added", null, now));
            } else if (!then.severity().equals(now.severity())
                    || !then.message().equals(now.message())) {
                list.add(
                        new Change(
                                "changed",
                                now.ruleId(),
                                now.claim(),
                                now.line(),
                                now.code(),
                                then.severity(),
                                now.severity(),
                                then.message(),
                                now.message(),
                                ""));
            }
        }
        for (var entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                list.add(change("removed", entry.getValue(), null));
            }
        }
        Set<String> heldBefore = held(before.values(), holdPolicy(baseline));
        Set<String> heldAfter = held(after.values(), currentHoldOn);
        Map<String, String> charges =
                new LinkedHashMap<>(charges(baseline.resolve("claim-summary.csv")));
        charges.putAll(charges(currentClaims));
        long heldCents = 0;
        long releasedCents = 0;
        for (String claim : heldAfter) {
            if (!heldBefore.contains(claim)) {
                String charge = charges.getOrDefault(claim, "");
                heldCents += Money.cents(charge);
                list.add(new Change("newly_held", "", claim, "", "", "", "", "", "", charge));
            }
        }
        for (String claim : heldBefore) {
            if (!heldAfter.contains(claim)) {
                String charge = charges.getOrDefault(claim, "");
                releasedCents += Money.cents(charge);
                list.add(new Change("newly_released", "", claim, "", "", "", "", "", "", charge));
            }
        }
        return new Changes(list, heldCents, releasedCents);
    }

    /** Counts by change and rule, e.g. {"added": {"MOD-001": 12}}. */
    public Map<String, Map<String, Integer>> byKindAndRule() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Change change : changes) {
            counts.computeIfAbsent(change.kind(), k -> new TreeMap<>())
                    .merge(change.ruleId(), 1, Integer::sum);
        }
        return counts;
    }

    public void write(Writer out) throws IOException {
        try (var csv = new CSVWriterBuilder(out).build()) {
            csv.writeNext(HEADER, false);
            for (Change c : changes) {
                String[] row =
                        SpreadsheetSafe.row(
                                c.kind(),
                                c.ruleId(),
                                c.claimId(),
                                c.lineNumber(),
                                c.procedureCode(),
                                c.severityBefore(),
                                c.severityAfter(),
                                c.messageBefore(),
                                c.messageAfter(),
                                c.charge());
                csv.writeNext(row, SpreadsheetSafe.quoteAll(row));
            }
        }
    }

    public long newlyHeldCents() {
        return newlyHeldCents;
    }

    public long newlyReleasedCents() {
        return newlyReleasedCents;
    }

    /** A few lines for the console: counts only. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        byKindAndRule()
                .forEach(
                        (kind, rules) -> {
                            int total = rules.values().stream().mapToInt(Integer::intValue).sum();
                            text.append(kind.replace('_', ' ')).append(": ").append(total);
                            if (!kind.startsWith("newly")) {
                                text.append(" (");
                                rules.forEach(
                                        (rule, count) ->
                                                text.append(rule)
                                                        .append(' ')
                                                        .append(count)
                                                        .append(", "));
                                text.setLength(text.length() - 2);
                                text.append(')');
                            } else {
                                text.append(total == 1 ? " claim, " : " claims, ")
                                        .append(
                                                HtmlReport.dollars(
                                                        kind.equals("newly_held")
                                                                ? newlyHeldCents
                                                                : newlyReleasedCents));
                            }
                            text.append(System.lineSeparator());
                        });
        return text.length() == 0
                ? "no change in the findings" + System.lineSeparator()
                : text.toString();
    }

    private static Change change(String kind, Row then, Row now) {
        Row row = now != null ? now : then;
        return new Change(
                kind,
                row.ruleId(),
                row.claim(),
                row.line(),
                row.code(),
                then == null ? "" : then.severity(),
                now == null ? "" : now.severity(),
                then == null ? "" : then.message(),
                now == null ? "" : now.message(),
                "");
    }

    /**
     * The cells of a findings.csv row a comparison uses, read by column name (older folders lack
     * some columns).
     */
    private record Row(
            String claimId,
            String line,
            String severity,
            String ruleId,
            String code,
            String message,
            String inputFile,
            String inputLine,
            String suppressed) {

        /**
         * The claim id, or for a row without one where it was read: a change never has an empty
         * claim id.
         */
        String claim() {
            if (!claimId.isEmpty()) {
                return claimId;
            }
            return "(row without a claim id"
                    + (inputFile.isEmpty()
                            ? ""
                            : ", " + inputFile + (inputLine.isEmpty() ? "" : ":" + inputLine))
                    + ")";
        }
    }

    /**
     * Findings keyed by claim, line, rule, procedure (and the message, for the rare rule firing
     * twice on a line).
     */
    private static Map<String, Row> read(Path findings) throws IOException {
        if (!Files.isRegularFile(findings)) {
            throw new NoSuchFileException(
                    findings.toString(), null, "no findings.csv here: is it a report folder?");
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        try (CSVReader csv =
                new CSVReader(Files.newBufferedReader(findings, StandardCharsets.UTF_8))) {
            String[] header = csv.readNext();
            if (header == null || header.length < 7 || !header[0].equals("claim_id")) {
                throw new IOException(findings + " is not a findings.csv of this scrubber");
            }
            List<String> columns = List.of(header);
            int[] at = {
                0,
                columns.indexOf("line_number"),
                columns.indexOf("severity"),
                columns.indexOf("rule_id"),
                columns.indexOf("procedure_code"),
                columns.indexOf("message"),
                columns.indexOf("input_file"),
                columns.indexOf("input_line"),
                columns.indexOf("suppressed")
            };
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                Row row =
                        new Row(
                                cell(cells, at[0]),
                                cell(cells, at[1]),
                                cell(cells, at[2]),
                                cell(cells, at[3]),
                                cell(cells, at[4]),
                                cell(cells, at[5]),
                                cell(cells, at[6]),
                                cell(cells, at[7]),
                                cell(cells, at[8]));
                String key =
                        row.claimId()
                                + "\u0000"
                                + row.line()
                                + "\u0000"
                                + row.ruleId()
                                + "\u0000"
                                + row.code();
                if (rows.containsKey(key)) {
                    key = key + "\u0000" + row.message();
                }
                rows.put(key, row);
            }
        } catch (CsvException e) {
            throw new IOException(findings + " cannot be read as CSV");
        }
        return rows;
    }

    /** claim-summary.csv's charges by claim (empty when the folder predates it). */
    private static Map<String, String> charges(Path file) throws IOException {
        Map<String, String> charges = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return charges;
        }
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            csv.readNext();
            String[] row;
            while ((row = csv.readNext()) != null) {
                if (row.length >= 4) {
                    charges.put(row[0], row[3]);
                }
            }
        } catch (CsvException e) {
            throw new IOException(file + " cannot be read as CSV");
        }
        return charges;
    }

    private static String cell(String[] cells, int index) {
        return index >= 0 && index < cells.length ? cells[index] : "";
    }

    private static Set<String> held(Iterable<Row> findings, String holdOn) {
        Set<String> claims = new TreeSet<>();
        for (Row row : findings) {
            // a row without a claim id is not a claim: it is in the changes as a finding, not as a
            // claim held
            boolean suppressed =
                    !row.suppressed().isEmpty(); // accepted with a reason: holds nothing
            if (!row.claimId().isEmpty()
                    && !suppressed
                    && (row.severity().equals("ERROR")
                            || holdOn.equals("WARNING") && row.severity().equals("WARNING"))) {
                claims.add(row.claimId());
            }
        }
        return claims;
    }

    private static String holdPolicy(Path folder) throws IOException {
        Path manifest = folder.resolve("run.json");
        if (!Files.isRegularFile(manifest)) {
            return "ERROR";
        }
        var node = new ObjectMapper().readTree(manifest.toFile()).at("/claims/hold_on");
        return node.isMissingNode() ? "ERROR" : node.asText("ERROR");
    }
}
