package org.claimscrubber.engine;

import org.claimscrubber.domain.ClaimLine;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Lets a rule with {@code @payers(...)} fire only on lines whose payer is in its scope. Rules without a
 * payer scope are not filtered.
 */
final class PayerScope implements AgendaFilter {

    private final CompiledRules rules;

    PayerScope(CompiledRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean accept(Match match) {
        RuleMetadata rule = rules.metadataOf(match.getRule().getName());
        if (rule.payers().isEmpty()) {
            return true;
        }
        for (Object fact : match.getObjects()) {
            if (fact instanceof ClaimLine line) {
                return rules.switches().inScope(rule.payers(), line.payer());
            }
        }
        return true;
    }
}
