package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.claimscrubber.claims.ClaimLine;
import org.claimscrubber.claims.InputProblem;
import org.claimscrubber.facts.SeedFact;
import org.claimscrubber.report.Finding;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The {@code findings} global every rule reports through. Severity, category and rule id come from the
 * rule's own metadata, so a consequence only says what is wrong and which fact it rests on:
 * <pre>findings.line(kcontext, $line, "Modifier " + $modifier + " is not listed for " + $code, $table);</pre>
 * One collector per session; not thread-safe.
 */
public final class FindingCollector {

    private final CompiledRules rules;
    private final List<Finding> findings = new ArrayList<>();

    public FindingCollector(CompiledRules rules) {
        this.rules = rules;
    }

    /** A finding on a claim line. {@code source} is a seed fact, a list of them, or a citation text. */
    public void line(RuleContext rule, ClaimLine line, String message, Object source) {
        add(rule, line, line.lineNumber(), message, source);
    }

    /** A finding on the claim as a whole; {@code anyLine} is any line of the claim. */
    public void claim(RuleContext rule, ClaimLine anyLine, String message, Object source) {
        add(rule, anyLine, null, message, source);
    }

    /** A finding on a row or field the reader could not use. */
    public void input(RuleContext rule, InputProblem problem) {
        RuleMetadata meta = rules.metadataOf(rule.getRule().getName());
        String source = problem.location() + (problem.field() == null ? "" : ", field " + problem.field());
        findings.add(new Finding(problem.claimId(), problem.claimOrder(), problem.lineNumber(), meta.severity(),
                meta.category(), meta.id(), "", problem.message(), source, problem.sourceFile(),
                problem.sourceLine()));
    }

    private void add(RuleContext rule, ClaimLine line, Integer lineNumber, String message, Object source) {
        RuleMetadata meta = rules.metadataOf(rule.getRule().getName());
        findings.add(new Finding(line.claimId(), line.claimOrder(), lineNumber, meta.severity(), meta.category(),
                meta.id(), line.procedureCode(), message, cite(source), line.sourceFile(),
                lineNumber == null ? 0 : line.sourceLine()));
    }

    /** The findings since the last drain, which are then forgotten. */
    public List<Finding> drain() {
        List<Finding> drained = new ArrayList<>(findings);
        findings.clear();
        return drained;
    }

    static String cite(Object source) {
        if (source instanceof SeedFact fact) {
            return fact.citation();
        }
        if (source instanceof Collection<?> many) {
            return Describe.inDocumentOrder(many).stream().map(FindingCollector::cite).distinct().collect(Collectors.joining("; "));
        }
        return source == null ? "" : source.toString();
    }
}
