package org.claimscrubber.cli;

/** The exit codes, as documented in the README. */
public final class ExitCodes {
    /** The run completed, findings or not. */
    public static final int OK = 0;
    /** {@code --fail-on} was given and a finding at or above that severity exists; or a sample suite failed. */
    public static final int FINDINGS = 1;
    /** Invalid invocation, rules that do not compile, or facts that do not load; nothing was written. */
    public static final int USAGE = 2;
    /** An input file that cannot be used; nothing was written. */
    public static final int INPUT = 3;
    /** A fault in the scrubber itself. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
