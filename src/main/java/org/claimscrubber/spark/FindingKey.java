package org.claimscrubber.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Sorts findings as the local findings.csv lists them: by the claim's position, then in the claim's
 * own order.
 */
record FindingKey(long claimOrder, int index) implements Comparable<FindingKey>, Serializable {

    private static final Comparator<FindingKey> ORDER =
            Comparator.comparingLong(FindingKey::claimOrder).thenComparingInt(FindingKey::index);

    @Override
    public int compareTo(FindingKey other) {
        return ORDER.compare(this, other);
    }
}
