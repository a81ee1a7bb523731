package org.claimscrubber.domain;

/**
 * The {@code findings} global every rule reports through. Severity, category and rule id come from
 * the rule's own metadata, so a consequence only says what is wrong and which fact it rests on:
 *
 * <pre>
 * findings.line(kcontext, $line, "Modifier " + $modifier + " is not listed for " + $code, $table);
 * </pre>
 *
 * {@code rule} is the consequence's {@code kcontext}, which names the rule; {@code source} is a
 * fact the finding rests on ({@link Cited}), a list of them, or a citation text.
 */
public interface FindingCollector {

    /** A finding on a claim line. */
    void line(Object rule, ClaimLine line, String message, Object source);

    /** A finding on the claim as a whole; {@code anyLine} is any line of the claim. */
    void claim(Object rule, ClaimLine anyLine, String message, Object source);

    /** A finding on a row or field the reader could not use. */
    void input(Object rule, InputProblem problem);
}
