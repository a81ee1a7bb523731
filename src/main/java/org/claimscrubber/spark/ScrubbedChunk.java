package org.claimscrubber.spark;

import java.io.Serializable;
import java.util.List;
import org.claimscrubber.report.OutcomeTally;
import scala.Tuple2;

/**
 * The result of scrubbing a chunk of claims on a worker: its findings as findings.csv lines, and
 * its counts. A part read where it lies ends with one more, without findings, that carries the
 * part's {@link PartSummary}.
 *
 * @param input the input the claims were read from, or -1 when they came through the shuffle
 * @param summary the part's summary (last of its chunks), or null
 */
record ScrubbedChunk(
        List<Tuple2<FindingKey, String>> findings,
        OutcomeTally tally,
        int input,
        PartSummary summary)
        implements Serializable {

    ScrubbedChunk(List<Tuple2<FindingKey, String>> findings, OutcomeTally tally) {
        this(findings, tally, -1, null);
    }
}
