package org.claimscrubber.spark;

import java.io.Serializable;
import java.util.List;
import org.claimscrubber.report.OutcomeTally;
import scala.Tuple2;

/** The result of scrubbing a chunk of claims on a worker: its findings as findings.csv lines, and its counts. */
record ScrubbedChunk(List<Tuple2<FindingKey, String>> findings, OutcomeTally tally) implements Serializable {
}
