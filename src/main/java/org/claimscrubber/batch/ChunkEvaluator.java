package org.claimscrubber.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.claimscrubber.claims.Claim;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.ScrubSession;
import org.claimscrubber.report.Finding;

/**
 * Evaluates chunks of parsed claims. Each worker thread has its own session; the compiled rules are shared.
 */
final class ChunkEvaluator implements AutoCloseable {

    private final CompiledRules rules;
    private final List<Object> referenceFacts;
    private final ThreadLocal<ScrubSession> sessions = ThreadLocal.withInitial(this::newSession);
    private final Queue<ScrubSession> all = new ConcurrentLinkedQueue<>();

    ChunkEvaluator(CompiledRules rules, List<Object> referenceFacts) {
        this.rules = rules;
        this.referenceFacts = referenceFacts;
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
            outcomes.add(new ClaimOutcome(parsed.claim().claimId(), order, List.copyOf(findings.subList(from, next)),
                    parsed.scrubbedRows(), parsed.rejectedRows(), parsed.rows(), !result.unscrubbed().contains(order)));
        }
        return outcomes;
    }

    private ScrubSession newSession() {
        ScrubSession session = new ScrubSession(rules, referenceFacts);
        all.add(session);
        return session;
    }

    @Override
    public void close() {
        for (ScrubSession session : all) {
            session.close();
        }
        all.clear();
    }
}
