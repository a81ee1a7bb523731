package org.claimscrubber.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.NotChecked;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.input.ClaimRows;

/**
 * A claim after scrubbing: what the rules said about it, its rows, and what the summary groups it
 * by.
 *
 * @param order the position of the claim's first row among the inputs' rows
 */
public record ClaimOutcome(
        String claimId,
        long order,
        Profile profile,
        Evaluation evaluation,
        Rows rows,
        List<Service> services) {

    /** A claim outcome that carries no services (no claim history is kept). */
    public ClaimOutcome(
            String claimId, long order, Profile profile, Evaluation evaluation, Rows rows) {
        this(claimId, order, profile, evaluation, rows, List.of());
    }

    /**
     * A scrubbed line as a claim history keeps it: the patient's keyed hash (never the id), the
     * date of service (ISO), code, modifiers ({@link ClaimLine#modifierKey()}), units, rendering
     * NPI and payer. Present only when a history is kept.
     */
    public record Service(
            int lineNumber,
            String patientKey,
            String dateOfService,
            String procedureCode,
            String modifiers,
            int units,
            String renderingNpi,
            String payer) {

        public static Service of(ClaimLine line) {
            return new Service(
                    line.lineNumber(),
                    line.patientKey(),
                    line.dateOfService() == null ? "" : line.dateOfService().toString(),
                    line.procedureCode(),
                    line.modifierKey(),
                    line.units(),
                    line.renderingNpi(),
                    line.payer());
        }
    }

    /**
     * The claim's findings in report order; {@code fullyScrubbed} is false when a rule failed on
     * the claim, so not every check ran; {@code notChecked} counts its lines each edit family had
     * no data for.
     */
    public record Evaluation(
            List<Finding> findings, boolean fullyScrubbed, NotChecked notChecked) {}

    /**
     * How many of the claim's rows were scrubbed and rejected, and (for --split) the rows as read,
     * else empty.
     */
    public record Rows(int scrubbed, int rejected, List<ClaimRows.Row> asRead) {}

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

    /**
     * What the night's reports show of a claim beside its findings: its payer, rendering taxonomy
     * and NPI (first line), its first date of service (ISO, or empty when no line was read) and its
     * charges.
     */
    public record Profile(
            String payer, String taxonomy, String npi, String dateOfService, long chargeCents) {
        public static final Profile NONE = new Profile("", "", "", "", 0);

        /** The profile of a parsed claim whose rows charge {@code chargeCents} in all. */
        public static Profile of(Claim claim, long chargeCents) {
            if (claim.lines().isEmpty()) {
                return new Profile("", "", "", "", chargeCents);
            }
            ClaimLine first = claim.lines().get(0);
            LocalDate earliest = null;
            for (ClaimLine line : claim.lines()) {
                if (line.dateOfService() != null
                        && (earliest == null || line.dateOfService().isBefore(earliest))) {
                    earliest = line.dateOfService();
                }
            }
            return new Profile(
                    first.payer(),
                    first.renderingTaxonomy(),
                    first.renderingNpi(),
                    earliest == null ? "" : earliest.toString(),
                    chargeCents);
        }

        /** The rendering provider as a billing team finds them: the NPI, else the taxonomy. */
        public String provider() {
            return npi.isBlank() ? taxonomy : npi;
        }
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
     * Held: a finding at or above the hold policy's severity (ERROR by default: what a payer would
     * deny), or a rule that failed on the claim, keeps it back. So does a rejected row, whatever
     * the config switched off: a row that was not read was not scrubbed, and is never clean.
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
            // a row not read was not scrubbed: held whatever the config switched off
            ids.add("INPUT-001");
        }
        return ids;
    }
}
