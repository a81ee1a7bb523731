package org.claimscrubber.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimscrubber.domain.ControlChars;
import org.claimscrubber.input.InputFile;

/**
 * The few lines {@code run} prints on standard output: counts only, never claim or patient data.
 */
public final class Summary {

    private Summary() {}

    public static String of(RunManifest run, Path reportDir) {
        return of(run, reportDir.toAbsolutePath().normalize().toString());
    }

    /**
     * @param reportFolder how to name the report folder (a path, or a URI such as hdfs://...)
     */
    public static String of(RunManifest run, String reportFolder) {
        RunManifest.RowCounts rows = run.rows();
        RunManifest.ClaimCounts claims = run.claims();
        RunManifest.FindingCounts findings = run.findings();
        StringBuilder text = new StringBuilder();
        text.append(
                String.format(
                        "read %d file%s: %d rows (%d scrubbed, %d rejected)%n",
                        run.inputs().size(),
                        run.inputs().size() == 1 ? "" : "s",
                        rows.read(),
                        rows.scrubbed(),
                        rows.rejected()));
        for (InputFile input : run.inputs()) {
            for (String missing : input.notChecked()) {
                text.append(String.format("WARNING: %s: %s%n", input.file(), missing));
            }
            if (input.notClaimRows() > 0) {
                text.append(
                        String.format(
                                "%s: skipped, not claim rows: %d (empty or a footer, e.g. \"Total Charges\";"
                                        + " lines %s)%n",
                                input.file(),
                                input.notClaimRows(),
                                input.notClaimLines().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(", "))));
            }
            if (input.warning() != null) {
                text.append(String.format("WARNING: %s: %s%n", input.file(), input.warning()));
            }
            if (!input.ignoredColumns().isEmpty()) {
                text.append(
                        String.format(
                                "%s: columns not read: %s%n",
                                input.file(), String.join(", ", input.ignoredColumns())));
            }
        }
        text.append(
                String.format(
                        "claims: %d (%d with errors, %d with warnings only, %d clean)%n",
                        claims.read(), claims.withErrors(), claims.withWarnings(), claims.clean()));
        text.append(
                String.format(
                        "held: %d claim%s (hold policy: %s and above%s); charges held: %s%n",
                        claims.held(),
                        claims.held() == 1 ? "" : "s",
                        claims.holdOn(),
                        claims.holdOn().equals("ERROR") ? "; warnings are reported, not held" : "",
                        claims.heldCharges()));
        if (claims.notFullyScrubbed() > 0) {
            text.append(
                    String.format(
                            "NOT FULLY SCRUBBED: %d claims, on which a rule failed (see findings)%n",
                            claims.notFullyScrubbed()));
        }
        text.append(
                String.format(
                        "findings: %d (%s)%n", findings.total(), nonZero(findings.bySeverity())));
        if (findings.total() > 0) {
            text.append(String.format("  by category: %s%n", nonZero(findings.byCategory())));
        }
        if (findings.suppressed() != null && !findings.suppressed().isEmpty()) {
            text.append(
                    String.format(
                            "suppressed (reported, holding nothing): %d (%s)%n",
                            findings.suppressed().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum(),
                            nonZero(findings.suppressed())));
        }
        if (run.checks() != null) {
            for (RunManifest.Check check : run.checks()) {
                if (check.linesNotChecked() > 0) {
                    text.append(
                            String.format(
                                    Locale.ROOT,
                                    "not checked: %s: %,d of %,d %s (data: %s)%n",
                                    check.edits(),
                                    check.linesNotChecked(),
                                    check.lines(),
                                    check.notCheckedMeans(),
                                    check.data()));
                }
            }
        }
        if (run.history() != null) {
            RunManifest.History history = run.history();
            text.append(
                    String.format(
                            Locale.ROOT,
                            "history: %s: %,d line%s recorded; %,d claim%s scrubbed"
                                    + " before: %,d new, %,d recurring, %,d resolved finding%s (since-last-run.csv)%n",
                            history.store(),
                            history.linesRecorded(),
                            history.linesRecorded() == 1 ? "" : "s",
                            history.claimsSeenBefore(),
                            history.claimsSeenBefore() == 1 ? "" : "s",
                            history.newFindings(),
                            history.recurringFindings(),
                            history.resolvedFindings(),
                            history.resolvedFindings() == 1 ? "" : "s"));
        }
        text.append(
                String.format(
                        "rules: %s (%d rules); seeds: %s (%d documents)%n",
                        run.rules().directory(),
                        run.rules().rules(),
                        run.seeds().directory(),
                        run.seeds().documents().size()));
        text.append(String.format("reports: %s%n", reportFolder));
        // Column and file names come from the input: a terminal must not run what they hold. Line
        // ends stay.
        return ControlChars.escapeKeepingLines(
                        text.toString().replace(System.lineSeparator(), "\n"))
                .replace("\n", System.lineSeparator());
    }

    private static String nonZero(Map<String, Long> counts) {
        String listed =
                counts.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        return listed.isEmpty() ? "none" : listed;
    }
}
