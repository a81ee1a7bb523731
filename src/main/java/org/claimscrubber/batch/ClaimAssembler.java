package org.claimscrubber.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.claims.Claim;
import org.claimscrubber.claims.ClaimLine;
import org.claimscrubber.claims.CsvRecord;
import org.claimscrubber.claims.InputProblem;
import org.claimscrubber.claims.ParsedRow;
import org.claimscrubber.claims.RowParser;

/**
 * Gathers rows into claims by claim id, wherever in the input a claim's rows are. A claim's order is the
 * position of its first row. A row without a claim id stands alone, so its problem is still reported.
 */
final class ClaimAssembler {

    private final Map<String, Builder> claims = new LinkedHashMap<>();
    private final RowCounter rows;
    private long rowIndex;

    ClaimAssembler(RowCounter rows) {
        this.rows = rows;
    }

    void add(CsvRecord record, RowParser parser, String file) {
        long index = rowIndex++;
        if (record.isMalformed()) {
            rows.rejected();
            builder("", index).problems.add(new InputProblem("", index, null, null, record.malformed(), true, file,
                    record.line()));
            return;
        }
        String claimId = parser.claimId(record.cells());
        Builder claim = builder(claimId, index);
        ParsedRow row = parser.parse(record.cells(), record.line(), claim.order);
        claim.problems.addAll(row.problems());
        if (row.rejected()) {
            rows.rejected();
        } else {
            rows.scrubbed();
            claim.lines.add(row.line());
        }
    }

    private Builder builder(String claimId, long index) {
        String key = claimId.isEmpty() ? "\u0000row " + index : claimId;
        return claims.computeIfAbsent(key, k -> new Builder(claimId, index));
    }

    /** The claims in the order their first rows appeared. */
    List<Claim> claims() {
        List<Claim> result = new ArrayList<>(claims.size());
        for (Builder builder : claims.values()) {
            result.add(new Claim(builder.claimId, builder.order, builder.lines, builder.problems));
        }
        return result;
    }

    private static final class Builder {
        final String claimId;
        final long order;
        final List<ClaimLine> lines = new ArrayList<>();
        final List<InputProblem> problems = new ArrayList<>();

        Builder(String claimId, long order) {
            this.claimId = claimId;
            this.order = order;
        }
    }
}
