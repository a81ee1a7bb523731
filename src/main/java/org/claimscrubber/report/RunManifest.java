package org.claimscrubber.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.claimscrubber.input.InputFile;

/**
 * run.json: what was run on what, and what came of it. Written last, so its presence marks a
 * complete run. Times are ISO-8601 instants; counts always add up: rows read = scrubbed + rejected.
 * {@code mode} says whether the input streamed or, its claims not being grouped, was partitioned.
 * Timings are busy times per stage; reading, evaluating and writing overlap, so they add up to more
 * than the wall time.
 */
public record RunManifest(
        @JsonUnwrapped About about,
        @JsonUnwrapped Scope scope,
        @JsonUnwrapped Counts counts,
        List<String> reports,
        @JsonUnwrapped Costs costs,
        @JsonInclude(JsonInclude.Include.NON_NULL) History history) {

    /**
     * With --history: the history used, the run's id in it (what {@code history forget} takes), the
     * lines recorded into it, and for the claim ids an earlier night scrubbed, their findings that
     * are new, recur, or no longer fire (since-last-run.csv lists each); the last nights' claims,
     * held claims and dollars held, oldest first, tonight last.
     */
    public record History(
            String store,
            String runId,
            long linesRecorded,
            long claimsSeenBefore,
            long newFindings,
            long recurringFindings,
            long resolvedFindings,
            List<Night> lastNights) {}

    /** One night of the history, as the report's chart shows it. */
    public record Night(String runDate, long claims, long held, long heldCents) {}

    /** This manifest with the history section of a run that kept one. */
    public RunManifest withHistory(History section) {
        return new RunManifest(about, scope, counts, reports, costs, section);
    }

    /** The tool, when it ran and how it ended. */
    public record About(
            String tool, String version, String started, String finished, int exitCode) {}

    /** What was scrubbed, how the input was read, and with which rules and seeds. */
    public record Scope(List<InputFile> inputs, String mode, RulesUsed rules, SeedsUsed seeds) {}

    /**
     * Rows, claims and findings: what came of it; and what each edit family could not check for
     * want of data.
     */
    public record Counts(
            RowCounts rows, ClaimCounts claims, FindingCounts findings, List<Check> checks) {}

    /**
     * An edit family ("NCCI MUE"), the data it ran on (the curated rows, or the user's file and its
     * release), and of the {@code lines} scrubbed, how many it had no data for ({@code
     * notCheckedMeans} says what that is).
     */
    public record Check(
            String edits, String data, long linesNotChecked, long lines, String notCheckedMeans) {}

    /** Busy times per stage and peak memory. */
    public record Costs(Map<String, Long> timingsMillis, Resources resources) {}

    public int exitCode() {
        return about.exitCode();
    }

    public List<InputFile> inputs() {
        return scope.inputs();
    }

    public String mode() {
        return scope.mode();
    }

    public RulesUsed rules() {
        return scope.rules();
    }

    public SeedsUsed seeds() {
        return scope.seeds();
    }

    public RowCounts rows() {
        return counts.rows();
    }

    public ClaimCounts claims() {
        return counts.claims();
    }

    public FindingCounts findings() {
        return counts.findings();
    }

    public List<Check> checks() {
        return counts.checks();
    }

    public Map<String, Long> timingsMillis() {
        return costs.timingsMillis();
    }

    public Resources resources() {
        return costs.resources();
    }

    /**
     * The rules of the run: {@code rules} is how many ran; {@code build} whether they were compiled
     * or loaded compiled from the rules cache; {@code evaluation} whether they ran in Drools'
     * sequential mode (no rule changes a fact) or on the full engine; {@code switchedOff} the rules
     * the config turned off, with where; {@code payerScoped} the rules that ran only for some
     * payers; {@code severityChanged} the severities the config gave rules for this run, for all
     * payers or one.
     */
    public record RulesUsed(
            String directory,
            String sha256,
            List<String> files,
            int rules,
            String build,
            String evaluation,
            String config,
            List<SwitchedOff> switchedOff,
            Map<String, List<String>> payerScoped,
            List<SeverityChanged> severityChanged) {}

    /** severity.RULE-ID[.payer] = SEVERITY in the config, and where it was written. */
    public record SeverityChanged(String id, String payer, String severity, String where) {}

    public record SwitchedOff(String id, String reason) {}

    /**
     * The seeds, their interpretations, the curated official facts and the full code sets
     * (--reference) loaded.
     */
    public record SeedsUsed(
            String directory,
            String sha256,
            List<String> documents,
            String interpretations,
            String officialFacts,
            List<String> referenceFiles) {}

    /** Data rows (header and blank lines excluded): every row read is scrubbed or rejected. */
    public record RowCounts(long read, long scrubbed, long rejected, long blankLines) {}

    /**
     * Claims with at least one ERROR; with WARNINGs but no ERROR; with neither. {@code held} counts
     * the claims the hold policy keeps back ({@code holdOn}: ERROR by default, WARNING with
     * --hold-on warning), with or without --split. {@code notFullyScrubbed} counts claims a rule
     * failed on (each also has an ERROR finding). {@code heldCharges}: the charges of the held
     * claims ("$19,000.00"; the export's charge column, else $0.00).
     */
    public record ClaimCounts(
            long read,
            long withErrors,
            long withWarnings,
            long clean,
            long held,
            String holdOn,
            long notFullyScrubbed,
            String heldCharges) {}

    /**
     * Findings by severity and category; {@code suppressed}: the findings suppressions accepted, by
     * rule, apart.
     */
    public record FindingCounts(
            long total,
            Map<String, Long> bySeverity,
            Map<String, Long> byCategory,
            Map<String, Long> suppressed) {}

    /**
     * Worker threads, and peak memory in bytes: Java heap used, resident set (-1 if unknown), heap
     * limit.
     */
    public record Resources(
            int threads, long peakHeapBytes, long peakRssBytes, long maxHeapBytes) {}
}
