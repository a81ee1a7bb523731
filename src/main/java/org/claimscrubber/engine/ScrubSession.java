package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.claims.Claim;
import org.claimscrubber.claims.ClaimLine;
import org.claimscrubber.claims.InputProblem;
import org.claimscrubber.report.Finding;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A rule session for one worker: the reference facts are inserted once, then chunks of claims are
 * inserted, evaluated and removed again. Not thread-safe; each worker owns one.
 */
public final class ScrubSession implements AutoCloseable {

    private final KieSession session;
    private final FindingCollector collector;
    private final AgendaFilter payerScope;

    public ScrubSession(CompiledRules rules, List<?> referenceFacts) {
        this.session = rules.kieBase().newKieSession();
        this.collector = new FindingCollector(rules);
        session.setGlobal(RuleCompiler.FINDINGS_GLOBAL, collector);
        this.payerScope = rules.payerScoped() ? new PayerScope(rules) : null;
        for (Object fact : referenceFacts) {
            session.insert(fact);
        }
    }

    /** The findings on these claims, in report order. Every line of a claim must be in the same chunk. */
    public List<Finding> evaluate(List<Claim> claims) {
        List<FactHandle> inserted = new ArrayList<>();
        for (Claim claim : claims) {
            for (ClaimLine line : claim.lines()) {
                inserted.add(session.insert(line));
            }
            for (InputProblem problem : claim.problems()) {
                inserted.add(session.insert(problem));
            }
        }
        if (payerScope == null) {
            session.fireAllRules();
        } else {
            session.fireAllRules(payerScope);
        }
        for (FactHandle handle : inserted) {
            session.delete(handle);
        }
        List<Finding> findings = collector.drain();
        findings.sort(Finding.REPORT_ORDER);
        return findings;
    }

    @Override
    public void close() {
        session.dispose();
    }
}
