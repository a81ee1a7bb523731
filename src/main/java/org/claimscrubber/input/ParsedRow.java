package org.claimscrubber.input;

import java.util.List;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.InputProblem;

/**
 * One data row of an export, read: the line to scrub (null when the row was rejected) and the
 * problems found in it. A row is always accounted for: scrubbed ({@code line != null}) or rejected.
 */
public record ParsedRow(String claimId, ClaimLine line, List<InputProblem> problems) {

    public ParsedRow {
        problems = List.copyOf(problems);
    }

    public boolean rejected() {
        return line == null;
    }
}
