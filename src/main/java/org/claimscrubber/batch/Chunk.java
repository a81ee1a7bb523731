package org.claimscrubber.batch;

import java.util.List;
import org.claimscrubber.input.ClaimParser;

/**
 * Consecutive parsed claims evaluated together in one session; a claim is never split across
 * chunks.
 */
record Chunk(long sequence, List<ClaimParser.ParsedClaim> claims) {}
