package org.claimscrubber.cli;

/** The exit codes, as documented in docs/nightly.md. */
public final class ExitCodes {
    /** The run completed, findings or not. */
    public static final int OK = 0;

    /**
     * {@code --fail-on} was given and a finding at or above that severity exists; or a sample suite
     * failed.
     */
    public static final int FINDINGS = 1;

    /**
     * Invalid invocation, rules that do not compile, or facts that do not load; nothing was
     * written.
     */
    public static final int USAGE = 2;

    /** An input file that cannot be used; nothing was written. */
    public static final int INPUT = 3;

    /** A fault in the scrubber itself. */
    public static final int INTERNAL = 4;

    /**
     * The report cannot be written (folder not writable, not a folder, disk full); the old report
     * is intact.
     */
    public static final int OUTPUT = 5;

    /** The run ran out of memory; the old report is intact. */
    public static final int OUT_OF_MEMORY = 6;

    private ExitCodes() {}
}
