package org.claimscrubber.samples;

import java.util.List;
import org.claimscrubber.domain.Finding;

/** One case (a claim) of a suite: the expected findings that did not come, and the findings not expected. */
public record CaseResult(String claimId, String note, List<ExpectedFinding> missing, List<Finding> unexpected) {

    public CaseResult {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
    }

    public boolean passed() {
        return missing.isEmpty() && unexpected.isEmpty();
    }
}
