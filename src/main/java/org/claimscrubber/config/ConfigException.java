package org.claimscrubber.config;

/**
 * A --config file (or the suppressions file it names) that cannot be used: the message names the
 * file, the line and the problem (exit 2).
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
