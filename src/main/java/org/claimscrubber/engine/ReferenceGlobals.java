package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;

/**
 * The reference data a rule may name as a global ({@code global org.claimscrubber.domain.NcciEdits ncci;}): each
 * global whose type is a reference fact's class gets that fact. A condition on a line that calls a global
 * ({@code ClaimLine(ncci.hasPtpConflict(this))}) is checked as the line enters the network, before any join, so
 * a line it does not concern costs one call instead of a place in a join's memory.
 */
final class ReferenceGlobals {

    /** The types a rule file may declare a global of: the reference data every session sets, and the collector. */
    static final java.util.Set<String> TYPES = java.util.Set.of(
            org.claimscrubber.domain.DocumentedCodes.class.getName(),
            org.claimscrubber.domain.DiagnosisCodes.class.getName(),
            org.claimscrubber.domain.DiagnosisAges.class.getName(),
            org.claimscrubber.domain.TaxonomyCodes.class.getName(),
            org.claimscrubber.domain.NcciEdits.class.getName(),
            org.claimscrubber.domain.FeeSchedule.class.getName(),
            org.claimscrubber.domain.CodeDates.class.getName(),
            org.claimscrubber.domain.PayerNames.class.getName(),
            org.claimscrubber.domain.RunContext.class.getName(),
            org.claimscrubber.domain.ClaimHistory.class.getName(),
            org.claimscrubber.domain.FindingCollector.class.getName());

    private static final java.util.regex.Pattern GLOBAL =
            java.util.regex.Pattern.compile("^\\s*global\\s+([\\w.$]+)\\s+(\\w+)\\s*;?");

    private ReferenceGlobals() {
    }

    /**
     * A global the scrubber does not set would be null in every session, and a condition naming it would fail on
     * every line: such a declaration is a compile error at its line instead.
     */
    static List<RuleDiagnostic> check(RuleSet.RuleFile file) {
        List<RuleDiagnostic> problems = new ArrayList<>();
        String[] lines = file.content().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher global = GLOBAL.matcher(lines[i]);
            if (global.find() && !TYPES.contains(global.group(1))) {
                problems.add(new RuleDiagnostic(file.name(), i + 1, global.start(1) + 1, null, "global "
                        + global.group(2) + ": the scrubber sets no global of type " + global.group(1)
                        + "; it sets " + String.join(", ", new java.util.TreeSet<>(TYPES))));
            }
        }
        return problems;
    }

    static Map<String, Object> of(KieBase kieBase, List<?> referenceFacts, Object payers) {
        List<Object> candidates = new ArrayList<>(referenceFacts);
        candidates.add(payers);
        // a session given no history knows none: its history rules stay silent, never fail on a null global
        candidates.add(org.claimscrubber.domain.ClaimHistory.NONE);
        Map<String, Object> globals = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                if (global.getName().equals(RuleCompiler.FINDINGS_GLOBAL)) {
                    continue;
                }
                for (Object fact : candidates) {
                    if (fact.getClass().getName().equals(global.getType())) {
                        globals.put(global.getName(), fact);
                        break;
                    }
                }
            }
        }
        return globals;
    }
}
