package org.claimscrubber.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.domain.DataCoverage;
import org.claimscrubber.domain.EditFamily;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.NotChecked;
import org.claimscrubber.domain.Severity;

/**
 * The counts run.json gives, added up from claim outcomes: rows scrubbed and rejected, claims by
 * worst severity, held, not fully scrubbed, findings by severity and category. Tallies merge, so
 * the Spark job adds up one per partition and gets the local run's counts.
 */
public final class OutcomeTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Severity holdOn;
    private final Totals findings = new Totals();
    private long scrubbedRows;
    private long rejectedRows;
    private long claims;
    private long withErrors;
    private long withWarnings;
    private long held;
    private long notFullyScrubbed;
    private long heldCents;
    private final NotChecked notChecked = new NotChecked();

    /**
     * @param holdOn the least severity that holds a claim
     */
    public OutcomeTally(Severity holdOn) {
        this.holdOn = holdOn;
    }

    /**
     * Counts a claim; true when it is held (a row without a claim id is always held: it cannot be
     * billed).
     */
    public boolean add(ClaimOutcome outcome) {
        scrubbedRows += outcome.scrubbedRows();
        rejectedRows += outcome.rejectedRows();
        for (Finding finding : outcome.findings()) {
            findings.add(finding);
        }
        if (!outcome.fullyScrubbed()) {
            notFullyScrubbed++;
        }
        notChecked.merge(outcome.evaluation().notChecked());
        boolean isHeld = outcome.held(holdOn) || !outcome.isClaim();
        if (outcome.isClaim()) {
            claims++;
            Severity worst = outcome.worst();
            if (worst == Severity.ERROR) {
                withErrors++;
            } else if (worst == Severity.WARNING) {
                withWarnings++;
            }
            if (isHeld) {
                held++;
                heldCents += outcome.profile().chargeCents();
            }
        }
        return isHeld;
    }

    /** Adds another tally's counts to this one (same hold policy); returns this. */
    public OutcomeTally merge(OutcomeTally other) {
        scrubbedRows += other.scrubbedRows;
        rejectedRows += other.rejectedRows;
        claims += other.claims;
        withErrors += other.withErrors;
        withWarnings += other.withWarnings;
        held += other.held;
        notFullyScrubbed += other.notFullyScrubbed;
        heldCents += other.heldCents;
        findings.merge(other.findings);
        notChecked.merge(other.notChecked);
        return this;
    }

    public Totals findings() {
        return findings;
    }

    public RunManifest.RowCounts rowCounts(long blankLines) {
        return new RunManifest.RowCounts(
                scrubbedRows + rejectedRows, scrubbedRows, rejectedRows, blankLines);
    }

    /** Claims held, and their charges in cents. */
    public long heldClaims() {
        return held;
    }

    public long heldCents() {
        return heldCents;
    }

    public long claims() {
        return claims;
    }

    public RunManifest.ClaimCounts claimCounts() {
        return new RunManifest.ClaimCounts(
                claims,
                withErrors,
                withWarnings,
                claims - withErrors - withWarnings,
                held,
                holdOn.name(),
                notFullyScrubbed,
                HtmlReport.dollars(heldCents));
    }

    /**
     * For each edit family, what data it ran on and how many of the scrubbed lines it had no data
     * for: a check without data is "not checked", never "passed".
     */
    public List<RunManifest.Check> checks(DataCoverage coverage) {
        List<RunManifest.Check> checks = new ArrayList<>();
        for (EditFamily family : EditFamily.values()) {
            checks.add(
                    new RunManifest.Check(
                            family.label(),
                            coverage.source(family),
                            notChecked.lines(family),
                            scrubbedRows,
                            family.notCheckedMeans()));
        }
        return checks;
    }

    public RunManifest.FindingCounts findingCounts() {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        findings.bySeverity().forEach((severity, count) -> bySeverity.put(severity.name(), count));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        findings.byCategory().forEach((category, count) -> byCategory.put(category.name(), count));
        return new RunManifest.FindingCounts(
                findings.total(),
                bySeverity,
                byCategory,
                new LinkedHashMap<>(findings.suppressed()));
    }
}
