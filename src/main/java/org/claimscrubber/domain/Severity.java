package org.claimscrubber.domain;

/** How serious a finding is. */
public enum Severity {
    /** The claim would be rejected or denied. */
    ERROR,
    /** Review before sending. */
    WARNING,
    /** For information. */
    INFO;

    /** True when this severity is as serious as {@code threshold} or more. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
