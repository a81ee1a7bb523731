package org.claimscrubber.engine;

/** A --config file that cannot be used: its message names the file, the line and the problem (exit 2). */
public final class ConfigException extends RulesException {

    public ConfigException(String message) {
        super(message);
    }
}
