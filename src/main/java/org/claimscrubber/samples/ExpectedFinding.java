package org.claimscrubber.samples;

/** A finding a sample case expects: on a claim line (or the claim, when lineNumber is null), from a rule. */
public record ExpectedFinding(String claimId, Integer lineNumber, String ruleId) {

    @Override
    public String toString() {
        return ruleId + (lineNumber == null ? " on the claim" : " on line " + lineNumber);
    }
}
