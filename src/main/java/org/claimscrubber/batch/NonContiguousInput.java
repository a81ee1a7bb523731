package org.claimscrubber.batch;

/**
 * A claim's rows are not together: a claim id reappears after other claims. The streaming pass
 * stops and the run starts again partitioned by claim id.
 */
final class NonContiguousInput extends Exception {
    NonContiguousInput(String where) {
        super(where);
    }
}
