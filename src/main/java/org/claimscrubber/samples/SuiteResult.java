package org.claimscrubber.samples;

import java.util.List;
import java.util.Set;

/**
 * A suite's cases, and the rule ids that fired in it (for coverage).
 *
 * @param rulesFired the rules whose findings a case expected and got (what `test --coverage`
 *     counts)
 */
public record SuiteResult(SampleSuite suite, List<CaseResult> cases, Set<String> rulesFired) {

    public SuiteResult {
        cases = List.copyOf(cases);
        rulesFired = Set.copyOf(rulesFired);
    }

    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    public long failures() {
        return cases.stream().filter(c -> !c.passed()).count();
    }
}
