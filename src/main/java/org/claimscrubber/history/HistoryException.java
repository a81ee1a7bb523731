package org.claimscrubber.history;

/**
 * A claim history that cannot be used: cannot be opened, is of a newer schema, or cannot be written
 * (exit 2).
 */
public final class HistoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
