package org.claimscrubber.engine;

import java.util.List;

/**
 * A rule's metadata, from its DRL annotations: {@code @id}, {@code @severity}, {@code @category},
 * {@code @description} and the optional {@code @payers}. {@code file} and {@code line} say where the rule is.
 */
public record RuleMetadata(String ruleName, String id, Severity severity, Category category, String description,
                           List<String> payers, String file, int line) {

    public RuleMetadata {
        payers = List.copyOf(payers);
    }

    public String location() {
        return file + ":" + line;
    }
}
