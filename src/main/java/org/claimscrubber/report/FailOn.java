package org.claimscrubber.report;

import java.util.Locale;
import org.claimscrubber.domain.Severity;

/**
 * When a completed run exits 1 ({@code --fail-on}): on a finding at or above ERROR or WARNING, or
 * only on input trouble ({@code input}: a row that could not be read), which a scheduler can tell
 * from a normal night, since some claims are held every night.
 */
public enum FailOn {
    ERROR,
    WARNING,
    INPUT;

    /** The policy {@code value} names (error, warning or input, any case), or null for none. */
    public static FailOn parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--fail-on takes error, warning or input, not '" + value + "'");
        }
    }

    /** The exit code a completed run with these counts gets: 1 when the policy is met, else 0. */
    public static int exitCode(FailOn policy, OutcomeTally tally) {
        if (policy == null) {
            return 0;
        }
        boolean failed =
                switch (policy) {
                    case ERROR -> tally.findings().any(Severity.ERROR);
                    case WARNING -> tally.findings().any(Severity.WARNING);
                    case INPUT -> tally.rowCounts(0).rejected() > 0;
                };
        return failed ? 1 : 0;
    }
}
