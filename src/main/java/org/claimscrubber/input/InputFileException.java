package org.claimscrubber.input;

/**
 * An input file that cannot be used at all (unreadable, no header, a required column missing): exit
 * 3.
 */
public class InputFileException extends Exception {
    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
