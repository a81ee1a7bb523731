package org.claimscrubber.samples;

import java.util.List;
import org.claimscrubber.domain.Finding;

/**
 * One case (a claim) of a suite: the expected findings that did not come, the findings not
 * expected, and the findings that came at another severity than expected ("POS-001 on line 1:
 * expected WARNING, got ERROR").
 */
public record CaseResult(
        String claimId,
        String note,
        List<ExpectedFinding> missing,
        List<Finding> unexpected,
        List<String> severityChanged) {

    public CaseResult {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        severityChanged = List.copyOf(severityChanged);
    }

    public CaseResult(
            String claimId, String note, List<ExpectedFinding> missing, List<Finding> unexpected) {
        this(claimId, note, missing, unexpected, List.of());
    }

    public boolean passed() {
        return missing.isEmpty() && unexpected.isEmpty() && severityChanged.isEmpty();
    }
}
