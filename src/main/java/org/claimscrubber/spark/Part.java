package org.claimscrubber.spark;

import java.io.Serializable;

/**
 * A part of an input that one task reads and scrubs where it lies: bytes {@code start} to {@code
 * end} (-1: to the end of the file), the first at line {@code firstLine}. The first part of a file
 * starts at its first byte and reads its header; every other part starts at a line that begins a
 * claim (see {@link org.claimscrubber.input.ClaimBoundaries}). A file read as one part is read as
 * {@code run} reads it.
 *
 * @param id the part's index among all the job's parts
 * @param index the part's index within its input
 */
record Part(int id, InputPath input, int index, long start, long end, long firstLine)
        implements Serializable {

    /** The whole file, read as the local run reads it (its hash taken as it is read). */
    boolean whole() {
        return start == 0 && end < 0;
    }
}
