package org.claimscrubber.report;

import java.io.IOException;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.input.InputFile;

/**
 * report.html: the night's run on one self-contained page a billing manager reads in a minute (no
 * network: CSS, charts drawn as inline SVG and the table's sorting script are in the file, so it
 * opens from a share or an email). Counts come from the same run as run.json; the findings table is
 * capped, findings.csv is complete.
 */
public final class HtmlReport {

    public static final String FILE = "report.html";

    /**
     * A rule as the report shows it: description, severity, and where it is written (file:line).
     */
    public record RuleInfo(String description, String severity, String location) {}

    /**
     * @param rules rule id to its description and DRL location
     * @param taxonomyNames taxonomy code to its official NUCC name, where known
     * @param documentTitles seed file name to the document's title, so sources read "0753T: Digital
     *     Slide ..., line 3" rather than a hashed file name
     */
    public record Context(
            Map<String, RuleInfo> rules,
            Map<String, String> taxonomyNames,
            Map<String, String> documentTitles) {}

    private final RunManifest run;
    private final RunDigest digest;
    private final Context context;
    private final Citations citations;
    private final StringBuilder html = new StringBuilder(64 * 1024);
    private Changes changes;

    private HtmlReport(RunManifest run, RunDigest digest, Context context) {
        this.run = run;
        this.digest = digest;
        this.context = context;
        this.citations = new Citations(context.documentTitles());
    }

    /**
     * @param changes what changed against a baseline run (--baseline), or null
     */
    public static void write(
            Writer out, RunManifest run, RunDigest digest, Context context, Changes changes)
            throws IOException {
        HtmlReport report = new HtmlReport(run, digest, context);
        report.changes = changes;
        report.page();
        out.write(report.html.toString());
    }

    private void page() {
        RunManifest.ClaimCounts claims = run.claims();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Claim scrub ")
                .append(esc(run.about().started()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>\n");
        html.append("<h1>Claim scrub</h1><p class=\"muted\">")
                .append(esc(local(run.about().started())))
                .append(" to ")
                .append(esc(local(run.about().finished())))
                .append(" &middot; ")
                .append(run.rows().read())
                .append(" rows from ")
                .append(
                        esc(
                                run.inputs().stream()
                                        .map(input -> fileName(input.file()))
                                        .collect(Collectors.joining(", "))))
                .append(" &middot; hold policy: ")
                .append(esc(claims.holdOn()))
                .append(" and above &middot; config: ")
                .append(esc(run.rules().config() == null ? "none" : run.rules().config()))
                .append("</p>\n");
        html.append("<section class=\"tiles\">");
        tile("claims", claims.read(), "", "claims-read");
        tile("held", claims.held(), "bad", "claims-held");
        tile("with errors", claims.withErrors(), "bad", "claims-errors");
        tile("warnings only", claims.withWarnings(), "warn", "claims-warnings");
        tile("clean", claims.clean(), "good", "claims-clean");
        html.append("<div class=\"tile bad\"><div class=\"n\" id=\"dollars-held\">")
                .append(dollars(digest.heldCents()))
                .append("</div><div>charges held</div></div>");
        html.append("</section>\n");
        if (claims.notFullyScrubbed() > 0) {
            html.append("<p class=\"alert\">")
                    .append(claims.notFullyScrubbed())
                    .append(
                            " claims were not fully scrubbed: a rule failed on them (see the findings).</p>");
        }
        for (InputFile input : run.inputs()) {
            for (String note : input.notChecked()) {
                html.append("<p class=\"alert\">")
                        .append(esc(input.file()))
                        .append(": ")
                        .append(esc(note))
                        .append("</p>");
            }
            if (input.warning() != null) {
                html.append("<p class=\"alert\">")
                        .append(esc(input.file()))
                        .append(": ")
                        .append(esc(input.warning()))
                        .append("</p>");
            }
        }
        changes();
        history();
        workFirst();
        html.append("<h2>Findings by rule</h2>");
        bars(digest.byRule(), this::ruleLabel, "by-rule", 1100);
        html.append("<div class=\"grid\"><div><h2>By severity</h2>");
        bars(digest.bySeverity(), key -> key, "by-severity", 400);
        html.append("</div><div><h2>By category</h2>");
        bars(digest.byCategory(), key -> key, "by-category", 400);
        html.append("</div><div><h2>By payer</h2>");
        bars(digest.byPayer(), key -> key, "by-payer", 400);
        html.append("</div><div><h2>By rendering taxonomy</h2>");
        bars(
                digest.byTaxonomy(),
                key ->
                        key
                                + (context.taxonomyNames().containsKey(key)
                                        ? " (" + context.taxonomyNames().get(key) + ")"
                                        : ""),
                "by-taxonomy",
                400);
        html.append("</div><div><h2>By procedure</h2>");
        bars(digest.byProcedure(), key -> key, "by-procedure", 400);
        html.append("</div></div>\n");
        table();
        about();
        html.append("<script>").append(SCRIPT).append("</script></body></html>\n");
    }

    /**
     * With --baseline: what the rule change did, by kind and rule, and the dollars newly held and
     * released.
     */
    private void changes() {
        if (changes == null) {
            return;
        }
        html.append("<h2>Changes against the baseline</h2>");
        var counts = changes.byKindAndRule();
        if (counts.isEmpty()) {
            html.append("<p id=\"changes\">No change in the findings.</p>");
            return;
        }
        html.append(
                "<table id=\"changes\"><thead><tr><th>Change</th><th>Rule</th><th>Count</th></tr></thead><tbody>");
        counts.forEach(
                (kind, rules) ->
                        rules.forEach(
                                (rule, count) ->
                                        html.append("<tr><td>")
                                                .append(esc(kind.replace('_', ' ')))
                                                .append("</td><td>")
                                                .append(esc(rule))
                                                .append("</td><td>")
                                                .append(count)
                                                .append(
                                                        kind.equals("newly_held")
                                                                ? " ("
                                                                        + dollars(
                                                                                changes
                                                                                        .newlyHeldCents())
                                                                        + ")"
                                                                : kind.equals("newly_released")
                                                                        ? " ("
                                                                                + dollars(
                                                                                        changes
                                                                                                .newlyReleasedCents())
                                                                                + ")"
                                                                        : "")
                                                .append("</td></tr>")));
        html.append("</tbody></table><p class=\"muted\">Each change is in changes.csv.</p>\n");
    }

    /**
     * With --history: the findings of claims scrubbed on an earlier night, new, recurring and
     * resolved, and the last nights' claims, held claims and dollars held as small bar charts,
     * tonight last.
     */
    private void history() {
        RunManifest.History history = run.history();
        if (history == null) {
            return;
        }
        html.append("<h2>Since the last run</h2><p id=\"history\">Of tonight's claims, ")
                .append(history.claimsSeenBefore())
                .append(" were scrubbed on an earlier night: <b>")
                .append(history.newFindings())
                .append("</b> new findings, <b>")
                .append(history.recurringFindings())
                .append("</b> recurring, <b>")
                .append(history.resolvedFindings())
                .append("</b> resolved (each in since-last-run.csv). History: ")
                .append(esc(history.store()))
                .append(".</p><div class=\"grid\">");
        nights("Claims", history.lastNights(), RunManifest.Night::claims, false);
        nights("Held claims", history.lastNights(), RunManifest.Night::held, false);
        nights("Dollars held", history.lastNights(), RunManifest.Night::heldCents, true);
        html.append("</div>\n");
    }

    private void nights(
            String title,
            List<RunManifest.Night> nights,
            ToLongFunction<RunManifest.Night> value,
            boolean dollars) {
        long max = Math.max(1, nights.stream().mapToLong(value).max().orElse(1));
        int width = 12;
        html.append("<div><h3>")
                .append(title)
                .append(" (last ")
                .append(nights.size())
                .append(" nights)</h3><svg width=\"")
                .append(nights.size() * (width + 2))
                .append("\" height=\"64\" role=\"img\">");
        for (int i = 0; i < nights.size(); i++) {
            RunManifest.Night night = nights.get(i);
            long v = value.applyAsLong(night);
            long h = Math.max(1, v * 60 / max);
            html.append("<rect x=\"")
                    .append(i * (width + 2))
                    .append("\" y=\"")
                    .append(62 - h)
                    .append("\" width=\"")
                    .append(width)
                    .append("\" height=\"")
                    .append(h)
                    .append("\" fill=\"#4a78b5\"><title>")
                    .append(esc(night.runDate()))
                    .append(": ")
                    .append(dollars ? dollars(v) : String.valueOf(v))
                    .append("</title></rect>");
        }
        html.append("</svg></div>");
    }

    private void tile(String label, long value, String tone, String id) {
        html.append("<div class=\"tile ")
                .append(tone)
                .append("\"><div class=\"n\" id=\"")
                .append(id)
                .append("\">")
                .append(value)
                .append("</div><div>")
                .append(label)
                .append("</div></div>");
    }

    private void workFirst() {
        List<RunDigest.HeldClaim> first = digest.workFirst();
        html.append(
                "<h2>Work these claims first</h2><p class=\"muted\">Held claims, then claims with warnings;"
                        + " the most serious, then the most dollars, first.</p>");
        if (first.isEmpty()) {
            html.append("<p>No claim is held or has a warning.</p>");
            return;
        }
        html.append(
                        "<table><thead><tr><th>Claim</th><th>Held</th><th>Worst</th><th>Findings</th><th>Charges</th>")
                .append(
                        "<th>Date of service</th><th>Payer</th><th>Rendering provider</th><th>Rules</th></tr></thead><tbody>");
        for (RunDigest.HeldClaim claim : first) {
            html.append("<tr><td>")
                    .append(esc(claim.claimId()))
                    .append("</td><td>")
                    .append(claim.held() ? "held" : "")
                    .append("</td><td class=\"sev ")
                    .append(claim.worst().name())
                    .append("\">")
                    .append(claim.worst())
                    .append("</td><td>")
                    .append(claim.findings())
                    .append("</td><td>")
                    .append(dollars(claim.chargeCents()))
                    .append("</td><td>")
                    .append(esc(claim.dateOfService()))
                    .append("</td><td>")
                    .append(esc(claim.payer()))
                    .append("</td><td>")
                    .append(esc(claim.provider()))
                    .append("</td><td>")
                    .append(esc(claim.rules()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    /** Horizontal bars as inline SVG, longest first. */
    private void bars(
            Map<String, Long> counts, Function<String, String> label, String id, int width) {
        if (counts.isEmpty()) {
            html.append("<p class=\"muted\">none</p>");
            return;
        }
        List<Map.Entry<String, Long>> sorted =
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .toList();
        long max = sorted.get(0).getValue();
        int row = 22;
        int labelWidth = width * 45 / 100;
        int barSpace = width - labelWidth - 60;
        int labelChars = labelWidth / 7;
        html.append("<svg class=\"bars\" id=\"")
                .append(id)
                .append("\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(sorted.size() * row + 4)
                .append("\">");
        int y = 2;
        for (Map.Entry<String, Long> entry : sorted) {
            int bar = (int) Math.max(2, barSpace * entry.getValue() / max);
            html.append("<g><title>")
                    .append(esc(label.apply(entry.getKey())))
                    .append(": ")
                    .append(entry.getValue())
                    .append("</title><rect x=\"")
                    .append(labelWidth + 8)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(bar)
                    .append("\" height=\"")
                    .append(row - 6)
                    .append("\"></rect><text x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\" text-anchor=\"end\">")
                    .append(esc(shorten(label.apply(entry.getKey()), labelChars)))
                    .append("</text><text class=\"v\" x=\"")
                    .append(labelWidth + 14 + bar)
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\" data-key=\"")
                    .append(esc(entry.getKey()))
                    .append("\">")
                    .append(entry.getValue())
                    .append("</text></g>");
            y += row;
        }
        html.append("</svg>\n");
    }

    private String ruleLabel(String id) {
        RuleInfo rule = context.rules().get(id);
        return rule == null ? id : id + " " + rule.description();
    }

    private void table() {
        html.append("<h2>Findings</h2><p class=\"muted\">");
        if (digest.totalFindings() > digest.table().size()) {
            html.append("The first ")
                    .append(digest.table().size())
                    .append(" of ")
                    .append(digest.totalFindings())
                    .append(" findings; findings.csv has them all. ");
        }
        Map<String, Long> suppressed = run.findings().suppressed();
        if (suppressed != null && !suppressed.isEmpty()) {
            html.append("Suppressed with a reason (shown, holding nothing): ")
                    .append(
                            esc(
                                    suppressed.entrySet().stream()
                                            .map(e -> e.getKey() + " " + e.getValue())
                                            .collect(Collectors.joining(", "))))
                    .append(". ");
        }
        html.append(
                "Click a heading to sort; type to filter.</p><input id=\"filter\" placeholder=\"filter findings\">");
        html.append(
                        "<table id=\"findings\"><thead><tr><th>Claim</th><th>Line</th><th>Date of service</th>")
                .append("<th>Provider</th><th>Severity</th><th>Rule</th>")
                .append("<th>Procedure</th><th>Message</th><th>Source</th></tr></thead><tbody>");
        for (Finding finding : digest.table()) {
            RuleInfo rule = context.rules().get(finding.ruleId());
            ClaimOutcome.Profile claim = digest.tableClaim(finding.claimId());
            html.append("<tr><td>")
                    .append(esc(finding.claimId()))
                    .append("</td><td>")
                    .append(finding.lineNumber() == null ? "" : finding.lineNumber())
                    .append("</td><td>")
                    .append(esc(claim.dateOfService()))
                    .append("</td><td>")
                    .append(esc(claim.provider()))
                    .append("</td><td class=\"sev ")
                    .append(finding.severity().name())
                    .append("\">")
                    .append(finding.severity())
                    .append("</td><td title=\"")
                    .append(
                            esc(
                                    rule == null
                                            ? ""
                                            : rule.description() + " (" + rule.location() + ")"))
                    .append("\">")
                    .append(esc(finding.ruleId()))
                    .append("</td><td>")
                    .append(esc(finding.procedureCode()))
                    .append("</td><td>")
                    .append(esc(finding.message()))
                    .append(
                            finding.isSuppressed()
                                    ? "<br><em>suppressed: " + esc(finding.suppressed()) + "</em>"
                                    : "")
                    .append("</td><td>")
                    .append(esc(citations.titled(finding.source())))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    private void about() {
        html.append("<h2>What ran</h2><table class=\"about\"><tbody>");
        about("Tool", run.about().tool() + " " + run.about().version());
        for (InputFile input : run.inputs()) {
            about(
                    "Input",
                    input.file() + " (" + input.rows() + " rows, sha256 " + input.sha256() + ")");
        }
        about(
                "Rules",
                run.rules().directory()
                        + " ("
                        + run.rules().rules()
                        + " rules, "
                        + run.rules().build()
                        + ")");
        about(
                "Seeds",
                run.seeds().directory()
                        + ", "
                        + String.join(", ", context.documentTitles().values()));
        about("Official facts", run.seeds().officialFacts());
        if (!run.seeds().referenceFiles().isEmpty()) {
            about("Reference files", String.join(", ", run.seeds().referenceFiles()));
        }
        html.append("</tbody></table>");
        if (run.checks() != null) {
            // "Not checked" is never "passed": each edit family says what it ran on and how many
            // lines it had no data for.
            html.append(
                            "<h2>What each check had data for</h2><table><thead><tr><th>Edits</th><th>Data</th>")
                    .append("<th>Lines not checked</th><th>Meaning</th></tr></thead><tbody>");
            for (RunManifest.Check check : run.checks()) {
                html.append("<tr><td>")
                        .append(esc(check.edits()))
                        .append("</td><td>")
                        .append(esc(check.data()))
                        .append("</td><td>")
                        .append(
                                String.format(
                                        Locale.ROOT,
                                        "%,d of %,d",
                                        check.linesNotChecked(),
                                        check.lines()))
                        .append("</td><td>")
                        .append(esc(check.notCheckedMeans()))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append(
                        "<h2>Rules</h2><table><thead><tr><th>Rule</th><th>Severity</th><th>What it finds</th>")
                .append("<th>Where it is written</th></tr></thead><tbody>");
        context.rules()
                .forEach(
                        (id, rule) ->
                                html.append("<tr><td>")
                                        .append(esc(id))
                                        .append("</td><td>")
                                        .append(esc(rule.severity()))
                                        .append("</td><td>")
                                        .append(esc(rule.description()))
                                        .append("</td><td>")
                                        .append(esc(rule.location()))
                                        .append("</td></tr>"));
        html.append("</tbody></table>\n");
    }

    private void about(String label, String value) {
        html.append("<tr><th>")
                .append(esc(label))
                .append("</th><td>")
                .append(esc(value))
                .append("</td></tr>");
    }

    /** An instant as a person reads it, in this machine's zone: "4 Dec 2026 06:10 EST". */
    static String local(String instant) {
        return local(instant, ZoneId.systemDefault());
    }

    static String local(String instant, ZoneId zone) {
        try {
            return DateTimeFormatter.ofPattern("d MMM uuuu HH:mm zzz", Locale.ENGLISH)
                    .format(Instant.parse(instant).atZone(zone));
        } catch (DateTimeException e) {
            return instant;
        }
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static String dollars(long cents) {
        return String.format(Locale.ROOT, "$%,d.%02d", cents / 100, Math.abs(cents % 100));
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** HTML-escaped; control characters already escaped by the findings. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS =
            """
            body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2733;max-width:1280px}
            h1{margin:0 0 4px}h2{margin:28px 0 8px;font-size:17px}.muted{color:#6b7785}
            .tiles{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.tile{border:1px solid #d9dee4;border-radius:8px;
            padding:10px 16px;min-width:120px}.tile .n{font-size:26px;font-weight:600}.bad .n{color:#b3261e}
            .warn .n{color:#9a6700}.good .n{color:#1a7f37}.alert{background:#fff4e5;border:1px solid #f0c36d;padding:8px;
            border-radius:6px}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:8px 24px}
            svg.bars rect{fill:#4a78b5}svg.bars text{font-size:12px;fill:#1d2733}svg.bars text.v{fill:#6b7785}
            table{border-collapse:collapse;width:100%;margin:4px 0}th,td{border-bottom:1px solid #e6e9ed;padding:4px 6px;
            text-align:left;vertical-align:top}thead th{background:#f4f6f8;cursor:pointer;position:sticky;top:0}
            .sev.ERROR{color:#b3261e;font-weight:600}.sev.WARNING{color:#9a6700;font-weight:600}.sev.INFO{color:#4a78b5}
            #filter{margin:4px 0 8px;padding:6px;width:320px}table.about th{width:160px;background:none}
            """;

    private static final String SCRIPT =
            """
            (function(){var t=document.getElementById('findings');if(!t)return;var b=t.tBodies[0];
            document.getElementById('filter').addEventListener('input',function(e){var q=e.target.value.toLowerCase();
            for(var r of b.rows){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';}});
            Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){var asc=true;h.addEventListener('click',
            function(){var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var a=x.cells[i].textContent,
            c=y.cells[i].textContent,n=parseFloat(a)-parseFloat(c);var d=isNaN(n)?a.localeCompare(c):n;return asc?d:-d;});
            asc=!asc;rows.forEach(function(r){b.appendChild(r);});});});})();
            """;
}
