package org.claimscrubber.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a row goes in the shuffle: its claim id, and its position among all the inputs' rows (the
 * input's index in the high bits, the line of the input the row starts on in the low ones). Sorting
 * by claim id and then position brings a claim's rows together in the order they were read,
 * wherever they were in the inputs.
 */
record ClaimKey(String claimId, long position) implements Comparable<ClaimKey>, Serializable {

    private static final int LINE_BITS = 40;
    private static final Comparator<ClaimKey> ORDER =
            Comparator.comparing(ClaimKey::claimId).thenComparingLong(ClaimKey::position);

    static long position(int input, long line) {
        return ((long) input << LINE_BITS) | line;
    }

    /** A row without a claim id is a claim of its own, so it is placed by its position. */
    boolean ownClaim() {
        return claimId.isEmpty();
    }

    @Override
    public int compareTo(ClaimKey other) {
        return ORDER.compare(this, other);
    }
}
