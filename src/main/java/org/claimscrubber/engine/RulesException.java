package org.claimscrubber.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules that cannot be used: a missing folder, or DRL that does not compile or lacks metadata (exit
 * 2).
 */
public class RulesException extends Exception {

    private final List<RuleDiagnostic> diagnostics;

    public RulesException(String message) {
        super(message);
        this.diagnostics = List.of();
    }

    public RulesException(List<RuleDiagnostic> diagnostics) {
        super(diagnostics.stream().map(RuleDiagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<RuleDiagnostic> diagnostics() {
        return diagnostics;
    }
}
