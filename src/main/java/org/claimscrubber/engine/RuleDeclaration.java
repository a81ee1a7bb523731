package org.claimscrubber.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule as written in a DRL file: its name, where it starts, and its annotations with their
 * positions, so that metadata problems can be reported at the line the analyst wrote; and whether
 * its consequence may change the facts (see {@link DeclarationReader#CHANGES_FACTS}).
 */
record RuleDeclaration(
        String file,
        String name,
        int line,
        int column,
        Map<String, Annotation> annotations,
        boolean changesFacts) {

    /** One {@code @name(value)} annotation; the value is unquoted. */
    record Annotation(String value, int line, int column) {}

    RuleDeclaration {
        annotations = new LinkedHashMap<>(annotations);
    }
}
