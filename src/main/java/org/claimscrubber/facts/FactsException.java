package org.claimscrubber.facts;

/**
 * Facts that cannot be loaded: a missing seeds directory, an unreadable table. The run stops (exit
 * 2).
 */
public class FactsException extends Exception {
    public FactsException(String message) {
        super(message);
    }

    public FactsException(String message, Throwable cause) {
        super(message, cause);
    }
}
