package org.claimscrubber.samples;

import org.claimscrubber.domain.Severity;

/**
 * A finding a sample case expects: on a claim line (or the claim, when lineNumber is null), from a
 * rule, and, when expected.csv has a {@code severity} column, at that severity (so a changed
 * severity fails the suite).
 */
public record ExpectedFinding(
        String claimId, Integer lineNumber, String ruleId, Severity severity) {

    public ExpectedFinding(String claimId, Integer lineNumber, String ruleId) {
        this(claimId, lineNumber, ruleId, null);
    }

    @Override
    public String toString() {
        return ruleId
                + (severity == null ? "" : " " + severity)
                + (lineNumber == null ? " on the claim" : " on line " + lineNumber);
    }
}
