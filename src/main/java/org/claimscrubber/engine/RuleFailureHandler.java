package org.claimscrubber.engine;

import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * When a rule's consequence throws, records the failure against the claim it was firing for and
 * lets the session go on, so the other rules still run for that claim and the other claims are
 * unaffected. Drools creates it by class (it is a rule base option); the session's findings
 * collector holds the record.
 */
public final class RuleFailureHandler implements ConsequenceExceptionHandler {

    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        SessionFindings findings =
                (SessionFindings) ((KieRuntime) runtime).getGlobal(RuleCompiler.FINDINGS_GLOBAL);
        findings.ruleFailed(match.getRule().getName(), match.getObjects(), exception);
    }
}
