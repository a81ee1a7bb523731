package org.claimscrubber.batch;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.DataCoverage;
import org.claimscrubber.domain.EditFamily;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.NotChecked;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleSession;
import org.claimscrubber.input.ClaimParser;
import org.claimscrubber.report.ClaimOutcome;

/**
 * Evaluates chunks of parsed claims. Each worker thread has its own session (which holds nothing
 * between chunks); the compiled rules are shared.
 */
final class WorkerSessions {

    private final ThreadLocal<RuleSession> sessions;
    private final DataCoverage coverage;

    private final boolean historyKept;

    WorkerSessions(CompiledRules rules, List<Object> referenceFacts, DataCoverage coverage) {
        this(rules, referenceFacts, coverage, false);
    }

    /**
     * @param historyKept whether outcomes carry their services for the claim history
     */
    WorkerSessions(
            CompiledRules rules,
            List<Object> referenceFacts,
            DataCoverage coverage,
            boolean historyKept) {
        this.historyKept = historyKept;
        this.sessions = ThreadLocal.withInitial(() -> new RuleSession(rules, referenceFacts));
        this.coverage = coverage;
    }

    /** The outcomes of the chunk's claims, in claim order. */
    List<ClaimOutcome> evaluate(Chunk chunk) {
        List<Claim> claims = new ArrayList<>(chunk.claims().size());
        for (ClaimParser.ParsedClaim parsed : chunk.claims()) {
            claims.add(parsed.claim());
        }
        RuleSession.Result result = sessions.get().evaluate(claims);
        List<ClaimOutcome> outcomes = new ArrayList<>(claims.size());
        for (ClaimParser.ParsedClaim parsed : chunk.claims()) {
            long order = parsed.claim().order();
            List<Finding> own = List.copyOf(result.of(order));
            NotChecked notChecked = new NotChecked();
            coverage.count(parsed.claim().lines(), notChecked);
            List<ClaimOutcome.Service> services = List.of();
            if (historyKept) {
                services = new ArrayList<>(parsed.claim().lines().size());
                for (ClaimLine line : parsed.claim().lines()) {
                    if (line.patientKey().isEmpty() || line.dateOfService() == null) {
                        notChecked.add(EditFamily.CLAIM_HISTORY);
                    }
                    services.add(ClaimOutcome.Service.of(line));
                }
            } else {
                notChecked.add(EditFamily.CLAIM_HISTORY, parsed.claim().lines().size());
            }
            outcomes.add(
                    new ClaimOutcome(
                            parsed.claim().claimId(),
                            order,
                            ClaimOutcome.Profile.of(parsed.claim(), parsed.chargeCents()),
                            new ClaimOutcome.Evaluation(
                                    own, !result.unscrubbed().contains(order), notChecked),
                            new ClaimOutcome.Rows(
                                    parsed.scrubbedRows(), parsed.rejectedRows(), parsed.rows()),
                            services));
        }
        return outcomes;
    }
}
