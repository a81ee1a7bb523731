package org.claimscrubber;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (../shared/reference beside the checkout, Chromium, a
 * PostgreSQL server). Missing, the test fails saying what is missing and how to get it, so a CI run
 * never passes by skipping it silently; a developer without it skips it by setting the environment
 * variable the message names to 1.
 */
public final class Prerequisites {

    public static final String SHARED = "CLAIM_SCRUBBER_SKIP_SHARED";
    public static final String CHROMIUM = "CLAIM_SCRUBBER_SKIP_CHROMIUM";
    public static final String POSTGRES = "CLAIM_SCRUBBER_SKIP_POSTGRES";

    private Prerequisites() {}

    /**
     * Goes on when {@code present}; else skips if {@code skipVariable}=1, or fails naming {@code
     * what} is missing.
     */
    public static void require(boolean present, String what, String skipVariable) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv(skipVariable))) {
            Assumptions.abort("skipped (" + skipVariable + "=1): " + what);
        }
        throw new IllegalStateException(
                "this test needs "
                        + what
                        + "; provide it, or set "
                        + skipVariable
                        + "=1 to skip it on this machine");
    }
}
