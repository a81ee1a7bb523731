package org.claimscrubber.input;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.ClaimLines;
import org.claimscrubber.domain.InputProblem;

/**
 * Parses a claim's rows into its lines and problems. It runs on the thread that groups rows into
 * claims, which balances the work between that thread and the rule workers. Not thread-safe
 * (parsers cache).
 */
public final class ClaimParser {

    private final Map<SourceInfo, RowParser> parsers = new IdentityHashMap<>();
    private final boolean keepRows;

    private final PatientKeyer.Hasher patientKeys;

    public ClaimParser(boolean keepRows) {
        this(keepRows, PatientKeyer.NONE);
    }

    /**
     * @param patientKeys the claim history's patient keys, or {@link PatientKeyer#NONE} without a
     *     history
     */
    public ClaimParser(boolean keepRows, PatientKeyer patientKeys) {
        this.keepRows = keepRows;
        this.patientKeys = patientKeys.hasher();
    }

    /**
     * More lines than any real claim has (an 837P carries at most 50 service lines, an 837I 999):
     * an export whose claim id is constant or missing must not be evaluated as one claim. Such a
     * claim is refused, with one INPUT-001 finding, and its rows are held.
     */
    public static final int MAX_CLAIM_ROWS = 10_000;

    public ParsedClaim parse(ClaimRows rows) {
        if (rows.rows().size() > MAX_CLAIM_ROWS && !rows.claimId().isEmpty()) {
            return refused(rows);
        }
        List<ClaimLine> lines = new ArrayList<>(rows.rows().size());
        List<InputProblem> problems = new ArrayList<>(0);
        ClaimLines claimLines = new ClaimLines(rows.claimId());
        int rejected = 0;
        for (ClaimRows.Row row : rows.rows()) {
            CsvRecord record = row.record();
            if (record.isMalformed()) {
                problems.add(
                        InputProblem.unreadableRow(
                                rows.claimId(),
                                rows.order(),
                                lineNumberOf(row),
                                record.malformed(),
                                row.source().name(),
                                record.line()));
                rejected++;
                continue;
            }
            ParsedRow parsed =
                    parsers.computeIfAbsent(
                                    row.source(),
                                    s -> new RowParser(s.columns(), s.name(), patientKeys))
                            .parse(
                                    record.cells(),
                                    record.line(),
                                    rows.order(),
                                    claimLines,
                                    record.oddCharacters());
            problems.addAll(parsed.problems());
            if (parsed.rejected()) {
                rejected++;
            } else {
                lines.add(parsed.line());
            }
        }
        claimLines.complete(lines);
        if (!rows.claimId().isEmpty() && fromSeveralInputs(rows)) {
            List<String> files =
                    rows.rows().stream().map(row -> row.source().name()).distinct().toList();
            problems.add(
                    InputProblem.claimNote(
                            rows.claimId(),
                            rows.order(),
                            "the claim's rows come from "
                                    + files.size()
                                    + " input files ("
                                    + String.join(", ", files)
                                    + "); they were scrubbed as one claim",
                            files.get(0),
                            rows.rows().get(0).record().line()));
        }
        return new ParsedClaim(
                new Claim(rows.claimId(), rows.order(), lines, problems),
                lines.size(),
                rejected,
                keepRows ? rows.rows() : List.of(),
                charges(rows));
    }

    private ParsedClaim refused(ClaimRows rows) {
        ClaimRows.Row first = rows.rows().get(0);
        InputProblem problem =
                InputProblem.refusedClaim(
                        rows.claimId(),
                        rows.order(),
                        "the claim has "
                                + rows.rows().size()
                                + " rows, more than the "
                                + MAX_CLAIM_ROWS
                                + " a claim may have (is the claim id"
                                + " column constant?); none of its rows was scrubbed",
                        first.source().name(),
                        first.record().line());
        return new ParsedClaim(
                new Claim(rows.claimId(), rows.order(), List.of(), List.of(problem)),
                0,
                rows.rows().size(),
                keepRows ? rows.rows() : List.of(),
                charges(rows));
    }

    private static boolean fromSeveralInputs(ClaimRows rows) {
        SourceInfo first = rows.rows().get(0).source();
        for (ClaimRows.Row row : rows.rows()) {
            if (row.source() != first) {
                return true;
            }
        }
        return false;
    }

    /** The claim line number a malformed row's readable cells give, if any. */
    private static Integer lineNumberOf(ClaimRows.Row row) {
        String text = row.source().columns().get(row.record().cells(), Column.LINE_NUMBER);
        try {
            int number = Integer.parseInt(text);
            return number > 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A claim ready to evaluate, with its row counts, (for --split) its rows as read, and the sum
     * of its rows' charges (the charge column, when the export has one; a cell that is not a charge
     * counts 0).
     */
    public record ParsedClaim(
            Claim claim,
            int scrubbedRows,
            int rejectedRows,
            List<ClaimRows.Row> rows,
            long chargeCents) {}

    private static long charges(ClaimRows rows) {
        long cents = 0;
        for (ClaimRows.Row row : rows.rows()) {
            if (!row.record().isMalformed()) {
                long charge =
                        Charge.cents(
                                row.source().columns().get(row.record().cells(), Column.CHARGE));
                cents += charge == Charge.NOT_A_CHARGE ? 0 : charge;
            }
        }
        return cents;
    }
}
