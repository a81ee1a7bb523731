package org.claimscrubber.domain;

import java.util.List;

/**
 * A claim: its scrubbed lines and the problems of its rows, in input order. {@code order} is the
 * position of the claim's first row in the run, so claims report in the order they first appear.
 */
public record Claim(
        String claimId, long order, List<ClaimLine> lines, List<InputProblem> problems) {

    public Claim {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }
}
