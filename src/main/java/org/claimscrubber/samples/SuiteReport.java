package org.claimscrubber.samples;

import java.io.PrintWriter;
import org.claimscrubber.domain.Finding;

/**
 * Prints suite results for an analyst: one line per passing case, a readable difference for a
 * failing one.
 */
public final class SuiteReport {

    private SuiteReport() {}

    public static void print(SuiteResult result, boolean verbose, PrintWriter out) {
        for (CaseResult outcome : result.cases()) {
            String label =
                    result.suite().name()
                            + ": claim "
                            + (outcome.claimId().isEmpty() ? "(no claim id)" : outcome.claimId())
                            + (outcome.note().isEmpty() ? "" : " - " + outcome.note());
            if (outcome.passed()) {
                if (verbose) {
                    out.println("pass  " + label);
                }
                continue;
            }
            out.println("FAIL  " + label);
            for (String changed : outcome.severityChanged()) {
                out.println("        severity:     " + changed);
            }
            for (ExpectedFinding missing : outcome.missing()) {
                out.println("        missing:      " + missing);
            }
            for (Finding extra : outcome.unexpected()) {
                out.println(
                        "        not expected: "
                                + extra.ruleId()
                                + (extra.lineNumber() == null
                                        ? " on the claim"
                                        : " on line " + extra.lineNumber())
                                + ": "
                                + extra.message());
            }
        }
    }
}
