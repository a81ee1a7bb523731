package org.claimscrubber.batch;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.DataCoverage;
import org.claimscrubber.domain.NotChecked;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.ScrubSession;
import org.claimscrubber.report.ClaimOutcome;

/**
 * Evaluates chunks of parsed claims. Each worker thread has its own session (which holds nothing between
 * chunks); the compiled rules are shared.
 */
final class ChunkEvaluator {

    private final ThreadLocal<ScrubSession> sessions;
    private final DataCoverage coverage;

    ChunkEvaluator(CompiledRules rules, List<Object> referenceFacts, DataCoverage coverage) {
        this.sessions = ThreadLocal.withInitial(() -> new ScrubSession(rules, referenceFacts));
        this.coverage = coverage;
    }

    /** The outcomes of the chunk's claims, in claim order. */
    List<ClaimOutcome> evaluate(Chunk chunk) {
        List<Claim> claims = new ArrayList<>(chunk.claims().size());
        for (ClaimParser.ParsedClaim parsed : chunk.claims()) {
            claims.add(parsed.claim());
        }
        ScrubSession.Result result = sessions.get().evaluate(claims);
        List<Finding> findings = result.findings();
        List<ClaimOutcome> outcomes = new ArrayList<>(claims.size());
        int next = 0;
        for (ClaimParser.ParsedClaim parsed : chunk.claims()) {
            long order = parsed.claim().order();
            int from = next;
            while (next < findings.size() && findings.get(next).claimOrder() == order) {
                next++;
            }
            List<Finding> own = from == next ? List.of() : List.copyOf(findings.subList(from, next));
            NotChecked notChecked = new NotChecked();
            coverage.count(parsed.claim().lines(), notChecked);
            outcomes.add(new ClaimOutcome(parsed.claim().claimId(), order, parsed.profile(),
                    new ClaimOutcome.Evaluation(own, !result.unscrubbed().contains(order), notChecked),
                    new ClaimOutcome.Rows(parsed.scrubbedRows(), parsed.rejectedRows(), parsed.rows())));
        }
        return outcomes;
    }
}
