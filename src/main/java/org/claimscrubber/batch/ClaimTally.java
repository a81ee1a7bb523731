package org.claimscrubber.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.claims.Claim;
import org.claimscrubber.engine.Severity;
import org.claimscrubber.report.Finding;
import org.claimscrubber.report.RunManifest;

/** Counts claims by their worst finding. Rows without a claim id are rows, not claims, and are not counted. */
final class ClaimTally {

    private long read;
    private long withErrors;
    private long withWarnings;

    void add(List<Claim> claims, List<Finding> findings) {
        Map<Long, Severity> worst = new HashMap<>();
        for (Finding finding : findings) {
            worst.merge(finding.claimOrder(), finding.severity(), (a, b) -> a.atLeast(b) ? a : b);
        }
        for (Claim claim : claims) {
            if (claim.claimId().isEmpty()) {
                continue;
            }
            read++;
            Severity severity = worst.get(claim.order());
            if (severity == Severity.ERROR) {
                withErrors++;
            } else if (severity == Severity.WARNING) {
                withWarnings++;
            }
        }
    }

    RunManifest.ClaimCounts counts() {
        return new RunManifest.ClaimCounts(read, withErrors, withWarnings, read - withErrors - withWarnings);
    }
}
