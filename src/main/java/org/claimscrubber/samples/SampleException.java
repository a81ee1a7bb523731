package org.claimscrubber.samples;

/**
 * A sample suite that cannot be run: its expected.csv cannot be read, or it names an unknown rule.
 */
public class SampleException extends Exception {
    public SampleException(String message) {
        super(message);
    }
}
