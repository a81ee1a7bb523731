package org.claimscrubber.engine;

import java.nio.charset.StandardCharsets;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.jci.CompilationProblem;

/**
 * Maps a Java compile error in a rule consequence back to its DRL line. The classic build copies
 * the consequence line by line into a generated class, so the DRL line is the generated line plus
 * the line of {@code then}, plus a constant set by Drools' class template. The constant is measured
 * once by compiling a probe rule with an error at a known line, so a Drools upgrade that changes
 * the template cannot skew it.
 */
final class ConsequenceLines {

    /** The probe: the consequence error is on line 5, its {@code then} on line 4. */
    private static final String PROBE =
            "package probe;\nrule \"probe\"\nwhen\nthen\n    int probe = \"\";\nend\n";

    private static final int PROBE_ERROR_LINE = 5;
    private static final int PROBE_THEN_LINE = 4;

    private static Integer constant;

    private ConsequenceLines() {}

    /**
     * The DRL line of a problem at {@code generatedLine} in a consequence whose {@code then} is at
     * {@code thenLine}.
     */
    static int drlLine(int generatedLine, int thenLine) {
        return generatedLine + thenLine + constant();
    }

    private static synchronized int constant() {
        if (constant == null) {
            constant = measure();
        }
        return constant;
    }

    private static int measure() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(
                ResourceFactory.newByteArrayResource(PROBE.getBytes(StandardCharsets.UTF_8))
                        .setSourcePath("probe.drl"),
                ResourceType.DRL);
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            for (CompilationProblem problem : RuleCompiler.compilationProblems(result)) {
                return PROBE_ERROR_LINE - problem.getStartLine() - PROBE_THEN_LINE;
            }
        }
        throw new IllegalStateException(
                "the consequence line probe compiled without the error it should have");
    }
}
