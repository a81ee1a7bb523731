package org.claimscrubber.domain;

import java.time.LocalDate;

/**
 * One row of a suppressions file: a rule's findings accepted, for the lines it narrows to, with a
 * reason, an author and an expiry. A suppressed finding is still reported, marked with this row; it
 * holds no claim. Empty narrowing cells match anything.
 *
 * @param payer a payer name or a payer scope of the config (as in payer.&lt;name&gt;), or ""
 * @param expires the last day the row applies (null: no expiry)
 * @param where the file and line, e.g. "suppressions.csv:3"
 */
public record Suppression(
        String ruleId,
        String payer,
        String renderingNpi,
        String taxonomy,
        String procedureCode,
        String claimId,
        String reason,
        String author,
        LocalDate expires,
        String where) {

    /** True when the row applies to the rule's finding on this line, on the day of the run. */
    public boolean matches(String rule, ClaimLine line, PayerNames payers, LocalDate today) {
        return ruleId.equals(rule)
                && (expires == null || today == null || !today.isAfter(expires))
                && (procedureCode.isEmpty() || procedureCode.equals(line.procedureCode()))
                && (claimId.isEmpty() || claimId.equals(line.claimId()))
                && (renderingNpi.isEmpty() || renderingNpi.equals(line.renderingNpi()))
                && (taxonomy.isEmpty() || taxonomy.equals(line.renderingTaxonomy()))
                && (payer.isEmpty() || payers.is(line.payer(), payer));
    }

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /**
     * How a suppressed finding says why: "reason (suppressions.csv:3, by J. Doe, until
     * 2027-06-30)".
     */
    public String describe() {
        return reason
                + " ("
                + where
                + ", by "
                + author
                + (expires == null ? "" : ", until " + expires)
                + ")";
    }
}
