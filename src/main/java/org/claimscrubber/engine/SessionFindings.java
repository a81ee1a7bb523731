package org.claimscrubber.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.FindingCollector;
import org.claimscrubber.domain.InputProblem;
import org.claimscrubber.domain.MessagePhrases;
import org.claimscrubber.domain.Severity;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The engine's {@link FindingCollector}: the {@code findings} global every rule reports through.
 * Severity, category and rule id come from the rule's own metadata, so a consequence only says what
 * is wrong and which fact it rests on:
 *
 * <pre>
 * findings.line(kcontext, $line, "Modifier " + $modifier + " is not listed for " + $code, $table);
 * </pre>
 *
 * One collector per session; not thread-safe.
 */
public final class SessionFindings implements FindingCollector {

    private final CompiledRules rules;

    /** The findings of each claim (by claim order) since the last drain. */
    private final Map<Long, List<Finding>> byClaim = new HashMap<>();

    private final Set<Long> unscrubbed = new HashSet<>();

    private final LocalDate today;

    /**
     * @param today the day of the run, against which suppressions expire (null: none expire)
     */
    public SessionFindings(CompiledRules rules, LocalDate today) {
        this.rules = rules;
        this.today = today;
    }

    @Override
    public void line(Object rule, ClaimLine line, String message, Object source) {
        add(rule, line, line.lineNumber(), message, source);
    }

    @Override
    public void claim(Object rule, ClaimLine anyLine, String message, Object source) {
        add(rule, anyLine, null, message, source);
    }

    @Override
    public void input(Object rule, InputProblem problem) {
        RuleMetadata meta = rules.metadataOf(((RuleContext) rule).getRule().getName());
        String source =
                problem.location() + (problem.field() == null ? "" : ", field " + problem.field());
        record(
                new Finding(
                        problem.claimId(),
                        problem.claimOrder(),
                        problem.lineNumber(),
                        meta.severity(),
                        meta.category(),
                        meta.id(),
                        "",
                        problem.message(),
                        source,
                        problem.sourceFile(),
                        problem.sourceLine(),
                        ""));
    }

    private void add(
            Object rule, ClaimLine line, Integer lineNumber, String message, Object source) {
        RuleMetadata meta = rules.metadataOf(((RuleContext) rule).getRule().getName());
        if (!meta.payers().isEmpty() && !rules.inScope(meta, line.payer())) {
            return; // the rule's @payers scope, applied here once for every rule
        }
        record(
                new Finding(
                        line.claimId(),
                        line.claimOrder(),
                        lineNumber,
                        rules.severityFor(meta, line.payer()),
                        meta.category(),
                        meta.id(),
                        line.procedureCode(),
                        message,
                        MessagePhrases.cite(source),
                        line.sourceFile(),
                        lineNumber == null ? 0 : line.sourceLine(),
                        rules.suppressionOf(meta, line, today)));
    }

    /**
     * A rule failed while evaluating a claim: an ERROR finding with the rule's id and category says
     * so, and the claim is marked not fully scrubbed (it is held, never passed as clean).
     *
     * @param facts the facts the rule was matching; the claim is that of the first claim line or
     *     input problem
     */
    public void ruleFailed(String ruleName, List<?> facts, Throwable failure) {
        RuleMetadata meta = rules.metadataOf(ruleName);
        for (Object fact : facts) {
            if (fact instanceof ClaimLine line) {
                failed(
                        meta,
                        line.claimId(),
                        line.claimOrder(),
                        line.lineNumber(),
                        line.procedureCode(),
                        line.sourceFile(),
                        line.sourceLine(),
                        failure);
                return;
            }
            if (fact instanceof InputProblem problem) {
                failed(
                        meta,
                        problem.claimId(),
                        problem.claimOrder(),
                        problem.lineNumber(),
                        "",
                        problem.sourceFile(),
                        problem.sourceLine(),
                        failure);
                return;
            }
        }
    }

    /**
     * A claim whose evaluation failed in a rule's condition (the rule named, when Drools says
     * which).
     */
    public void claimFailed(RuleMetadata meta, Claim claim, Throwable failure) {
        if (!claim.lines().isEmpty()) {
            ClaimLine anyLine = claim.lines().get(0);
            failed(
                    meta,
                    anyLine.claimId(),
                    anyLine.claimOrder(),
                    null,
                    anyLine.procedureCode(),
                    anyLine.sourceFile(),
                    0,
                    failure);
        } else if (!claim.problems().isEmpty()) {
            InputProblem problem = claim.problems().get(0);
            failed(
                    meta,
                    problem.claimId(),
                    problem.claimOrder(),
                    null,
                    "",
                    problem.sourceFile(),
                    0,
                    failure);
        } else {
            failed(meta, claim.claimId(), claim.order(), null, "", "", 0, failure);
        }
    }

    private void failed(
            RuleMetadata meta,
            String claimId,
            long claimOrder,
            Integer lineNumber,
            String procedureCode,
            String file,
            long line,
            Throwable failure) {
        unscrubbed.add(claimOrder);
        record(
                new Finding(
                        claimId,
                        claimOrder,
                        lineNumber,
                        Severity.ERROR,
                        meta == null ? Category.INPUT : meta.category(),
                        meta == null ? "ENGINE" : meta.id(),
                        procedureCode,
                        "rule "
                                + (meta == null ? "evaluation" : meta.id())
                                + " failed on this claim ("
                                + describe(failure)
                                + "); the claim was not fully scrubbed",
                        meta == null ? "" : meta.location(),
                        file,
                        line,
                        ""));
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof RuleSession.RunawayRules) {
            return root.getMessage();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName()
                + (message.length() > 160 ? message.substring(0, 157) + "..." : message);
    }

    private void record(Finding finding) {
        byClaim.computeIfAbsent(finding.claimOrder(), order -> new ArrayList<>()).add(finding);
    }

    /** Forgets what a claim's rules reported (a claim whose rules ran away). */
    void forget(long claimOrder) {
        byClaim.remove(claimOrder);
    }

    /**
     * The findings since the last drain, by claim order, each claim's in report order; then
     * forgotten.
     */
    public Map<Long, List<Finding>> drain() {
        Map<Long, List<Finding>> drained = new HashMap<>(byClaim);
        byClaim.clear();
        drained.values().forEach(findings -> findings.sort(Finding.REPORT_ORDER));
        return drained;
    }

    /** The claims (by order) a rule failed on since the last drain, which are then forgotten. */
    public Set<Long> drainUnscrubbed() {
        Set<Long> drained = new HashSet<>(unscrubbed);
        unscrubbed.clear();
        return drained;
    }
}
