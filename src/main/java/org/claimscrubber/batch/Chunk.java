package org.claimscrubber.batch;

import org.claimscrubber.input.ClaimParser;
import java.util.List;

/** Consecutive parsed claims evaluated together in one session; a claim is never split across chunks. */
record Chunk(long sequence, List<ClaimParser.ParsedClaim> claims) {
}
