package org.claimscrubber.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Severity;

/**
 * A rule's metadata, from its DRL annotations: {@code @id}, {@code @severity}, {@code @category},
 * {@code @description}, the optional {@code @payers} and {@code @source} (the public rule or policy
 * it encodes, "" when not given). {@code file} and {@code line} say where the rule is.
 */
public record RuleMetadata(
        String ruleName,
        String id,
        Severity severity,
        Category category,
        String description,
        List<String> payers,
        String source,
        String file,
        int line)
        implements Serializable {

    public RuleMetadata {
        payers = Collections.unmodifiableList(new ArrayList<>(payers));
    }

    /** The same rule with another severity (a config's severity.RULE-ID). */
    public RuleMetadata withSeverity(Severity other) {
        return new RuleMetadata(
                ruleName, id, other, category, description, payers, source, file, line);
    }

    public String location() {
        return file + ":" + line;
    }
}
