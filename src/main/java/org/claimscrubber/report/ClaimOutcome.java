package org.claimscrubber.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.input.ClaimRows;

/**
 * A claim after scrubbing: what the rules said about it, its rows, and what the summary groups it by.
 *
 * @param order the position of the claim's first row among the inputs' rows
 */
public record ClaimOutcome(String claimId, long order, Profile profile, Evaluation evaluation, Rows rows) {

    /**
     * The claim's findings in report order; {@code fullyScrubbed} is false when a rule failed on the claim, so not
     * every check ran; {@code notChecked} counts its lines each edit family had no data for.
     */
    public record Evaluation(List<Finding> findings, boolean fullyScrubbed, org.claimscrubber.domain.NotChecked notChecked) {
    }

    /** How many of the claim's rows were scrubbed and rejected, and (for --split) the rows as read, else empty. */
    public record Rows(int scrubbed, int rejected, List<ClaimRows.Row> asRead) {
    }

    public List<Finding> findings() {
        return evaluation.findings();
    }

    public boolean fullyScrubbed() {
        return evaluation.fullyScrubbed();
    }

    public int scrubbedRows() {
        return rows.scrubbed();
    }

    public int rejectedRows() {
        return rows.rejected();
    }

    /** What the night's summary groups a claim by: its payer and rendering taxonomy (first line), its charges. */
    public record Profile(String payer, String taxonomy, long chargeCents) {
        public static final Profile NONE = new Profile("", "", 0);
    }

    /** A row without a claim id is a row, not a claim. */
    public boolean isClaim() {
        return !claimId.isEmpty();
    }

    /** The most serious severity among the findings not suppressed, or null for none. */
    public Severity worst() {
        Severity worst = null;
        for (Finding finding : findings()) {
            if (finding.isSuppressed()) {
                continue; // accepted, with a reason: reported, but it holds nothing
            }
            if (worst == null || finding.severity().atLeast(worst)) {
                worst = finding.severity();
            }
        }
        return worst;
    }

    /**
     * Held: a finding at or above the hold policy's severity (ERROR by default: what a payer would deny), or a
     * rule that failed on the claim, keeps it back. So does a rejected row, whatever the config switched off: a row
     * that was not read was not scrubbed, and is never clean.
     */
    public boolean held(Severity holdOn) {
        Severity worst = worst();
        return !fullyScrubbed() || rejectedRows() > 0 || worst != null && worst.atLeast(holdOn);
    }

    /** The ids of the rules whose findings at or above {@code holdOn} hold the claim, sorted. */
    public Set<String> heldBy(Severity holdOn) {
        Set<String> ids = new TreeSet<>();
        for (Finding finding : findings()) {
            if (!finding.isSuppressed() && finding.severity().atLeast(holdOn)) {
                ids.add(finding.ruleId());
            }
        }
        if (rejectedRows() > 0) {
            ids.add("INPUT-001"); // a row not read was not scrubbed: held whatever the config switched off
        }
        return ids;
    }
}
