package org.claimscrubber.domain;

import java.util.Comparator;

/**
 * One finding on a claim: a claim line ({@code lineNumber} set) or the claim as a whole (null).
 * {@code source} cites the seed fact or standard the finding rests on; {@code inputFile}/{@code
 * inputLine} locate the row in the export (line 0 for claim-level findings). {@code suppressed} is
 * "" or why a suppressions row accepts the finding: it is still reported, but holds no claim and
 * counts apart.
 */
public record Finding(
        String claimId,
        long claimOrder,
        Integer lineNumber,
        Severity severity,
        Category category,
        String ruleId,
        String procedureCode,
        String message,
        String source,
        String inputFile,
        long inputLine,
        String suppressed) {

    /**
     * Ids, messages and sources reach terminals and spreadsheets: their control characters are
     * escaped.
     */
    public Finding {
        claimId = ControlChars.escape(claimId);
        procedureCode = ControlChars.escape(procedureCode);
        message = ControlChars.escape(message);
        source = ControlChars.escape(source);
        inputFile = ControlChars.escape(inputFile);
        suppressed = suppressed == null ? "" : ControlChars.escape(suppressed);
    }

    public boolean isSuppressed() {
        return !suppressed.isEmpty();
    }

    /**
     * Report order: claims in input order, then claim-level before line findings, line, rule id,
     * message.
     */
    public static final Comparator<Finding> REPORT_ORDER =
            Comparator.comparingLong(Finding::claimOrder)
                    .thenComparing(
                            Finding::lineNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Finding::ruleId)
                    .thenComparing(Finding::message)
                    .thenComparing(Finding::source);
}
