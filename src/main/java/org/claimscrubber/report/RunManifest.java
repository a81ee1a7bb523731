package org.claimscrubber.report;

import java.util.List;
import java.util.Map;

/**
 * run.json: what was run on what, and what came of it. Written last, so its presence marks a complete run.
 * Times are ISO-8601 instants; counts always add up: rows read = scrubbed + rejected.
 */
public record RunManifest(String tool, String version, String started, String finished, int exitCode,
                          List<InputFile> inputs, RulesUsed rules, SeedsUsed seeds, RowCounts rows,
                          ClaimCounts claims, FindingCounts findings, Map<String, Long> timingsMillis) {

    /** An input file as read: its SHA-256, size, physical lines and data rows. */
    public record InputFile(String file, String sha256, long bytes, long lines, long rows) {
    }

    /**
     * The rules of the run: {@code rules} is how many ran; {@code switchedOff} the rules the config turned
     * off, with where; {@code payerScoped} the rules that ran only for some payers.
     */
    public record RulesUsed(String directory, String sha256, List<String> files, int rules, String config,
                            List<SwitchedOff> switchedOff, Map<String, List<String>> payerScoped) {
    }

    public record SwitchedOff(String id, String reason) {
    }

    public record SeedsUsed(String directory, String sha256, List<String> documents, String interpretations) {
    }

    /** Data rows (header and blank lines excluded): every row read is scrubbed or rejected. */
    public record RowCounts(long read, long scrubbed, long rejected, long blankLines) {
    }

    /** Claims with at least one ERROR; with WARNINGs but no ERROR; with neither. */
    public record ClaimCounts(long read, long withErrors, long withWarnings, long clean) {
    }

    public record FindingCounts(long total, Map<String, Long> bySeverity, Map<String, Long> byCategory) {
    }
}
