package org.claimscrubber.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one claim as read, not yet parsed (workers parse them). {@code order} is the position
 * of the claim's first row among all rows of the run.
 */
public record ClaimRows(String claimId, long order, List<Row> rows) {

    /** A record and the input it came from. */
    public record Row(SourceInfo source, CsvRecord record) {}

    public static ClaimRows start(String claimId, long order) {
        return new ClaimRows(claimId, order, new ArrayList<>(4));
    }
}
