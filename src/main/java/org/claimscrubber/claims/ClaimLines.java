package org.claimscrubber.claims;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lines of one claim, shared by each of them ({@code ClaimLine.claim}), so a rule about the claim reads
 * {@code from $line.claim.lines} instead of joining every line of the run with every other. Equality is
 * identity: two claims are the same claim only if they are the same object.
 */
public final class ClaimLines {

    private final String claimId;
    private List<ClaimLine> lines = List.of();
    private Set<String> repeatedProcedures = Set.of();

    public ClaimLines(String claimId) {
        this.claimId = claimId;
    }

    /** Sets the lines once every row of the claim is parsed. */
    public void complete(List<ClaimLine> claimLines) {
        this.lines = List.copyOf(claimLines);
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (ClaimLine line : lines) {
            if (!seen.add(line.procedureCode())) {
                repeated.add(line.procedureCode());
            }
        }
        this.repeatedProcedures = repeated.isEmpty() ? Set.of() : repeated;
    }

    public List<ClaimLine> lines() {
        return lines;
    }

    /** True when another line of the claim has this procedure code: a cheap test before looking for duplicates. */
    public boolean repeats(ClaimLine line) {
        return repeatedProcedures.contains(line.procedureCode());
    }

    @Override
    public String toString() {
        return "claim " + claimId + " (" + lines.size() + " lines)";
    }
}
