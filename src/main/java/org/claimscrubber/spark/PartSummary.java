package org.claimscrubber.spark;

import java.io.Serializable;
import org.claimscrubber.input.InputFile;
import org.claimscrubber.input.ReadCounts;

/**
 * What reading one part saw, after its claims were scrubbed: its counts (and, for a file read
 * whole, the file's run.json entry), whether its claims were grouped (no claim id came back after
 * another claim began, no line ended inside a quoted field), and the hashes of its claim ids,
 * sorted, to find a claim that another part also read.
 *
 * @param claims 64-bit hashes of the part's claim ids, sorted; null once the driver has what it
 *     needs
 */
record PartSummary(Part part, ReadCounts counts, InputFile file, boolean grouped, long[] claims)
        implements Serializable {

    /** The summary without its claim hashes, as the driver collects it. */
    PartSummary withoutClaims() {
        return new PartSummary(part, counts, file, grouped, null);
    }
}
