package org.claimscrubber.engine;

/**
 * A problem in a DRL file, printed as {@code FILE:LINE:COLUMN: message}, naming the rule when
 * known. Line and column are 1-based; 0 means unknown.
 */
public record RuleDiagnostic(String file, int line, int column, String ruleName, String message) {

    @Override
    public String toString() {
        String where = file + ":" + Math.max(line, 0) + ":" + Math.max(column, 0) + ": ";
        return where + message + (ruleName == null ? "" : " (rule \"" + ruleName + "\")");
    }
}
