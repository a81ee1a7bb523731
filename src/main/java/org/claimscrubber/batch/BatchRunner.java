package org.claimscrubber.batch;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleMetadata;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.facts.SeedDocument;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.report.HtmlReport;
import org.claimscrubber.report.ManifestWriter;
import org.claimscrubber.report.ReportFiles;
import org.claimscrubber.report.ReportSink;
import org.claimscrubber.report.RunManifest;
import org.claimscrubber.report.ToolVersion;
import org.claimscrubber.report.Totals;

/**
 * One {@code run}: load the facts and rules, scrub the exports, write the reports. Nothing is written
 * unless the run completes (see {@link ReportFiles}).
 */
public final class BatchRunner {

    public RunOutcome run(RunOptions options) throws RulesException, FactsException, InputFileException, IOException {
        Instant started = Instant.now();
        Resources.watch();
        long t0 = System.nanoTime();
        List<InputSource> sources = InputSource.resolve(options.input().files()).stream()
                .map(source -> source.readWith(options.input().reading().forwarding(options.output().split()))).toList();
        refuseInputsAmongReports(sources, options);
        FactBase facts = FactLoader.load(options.sources().seeds(), options.sources().reference());
        long t1 = System.nanoTime();
        CompiledRules rules = new RuleCompiler(options.sources().ruleCache()).compile(RuleSet.load(options.sources().rules()),
                options.sources().switches());
        long t2 = System.nanoTime();
        try (ReportFiles files = new ReportFiles(options.output().dir(), options.output().waitForFolder());
             ReportSink sink = new ReportSink(files, options.policy().holdOn(),
                     options.output().split() ? sources.stream().map(InputSource::name).toList() : List.of())) {
            Scrubber.Options scrubbing = new Scrubber.Options(options.execution().threads(), options.output().split(), files.dir(),
                    options.input().standardInput(), options.execution().progress());
            Scrubber.Result result = new Scrubber(rules, facts, options.policy().today()).scrub(sources, scrubbing, sink);
            sink.finish(result.sources());
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("load_facts", (t1 - t0) / 1_000_000);
            timings.put("compile_rules", (t2 - t1) / 1_000_000);
            timings.putAll(result.timings());
            Totals totals = sink.tally().findings();
            int exitCode = org.claimscrubber.report.FailOn.exitCode(options.policy().failOn(), sink.tally());
            List<String> reports = reportNames(sources, options);
            timings.put("total_wall", (System.nanoTime() - t0) / 1_000_000);
            RunManifest manifest = new RunManifest(
                    new RunManifest.About(ToolVersion.NAME, ToolVersion.version(), started.toString(),
                            Instant.now().toString(), exitCode),
                    new RunManifest.Scope(result.inputs(), result.mode(), rulesUsed(rules), seedsUsed(facts)),
                    new RunManifest.Counts(sink.tally().rowCounts(result.blankLines()), sink.tally().claimCounts(),
                            sink.tally().findingCounts(), sink.tally().checks(facts.coverage())),
                    reports, new RunManifest.Costs(timings, Resources.peak(options.execution().threads())));
            org.claimscrubber.report.Changes changes = null;
            if (options.output().baseline() != null) {
                changes = org.claimscrubber.report.Changes.between(options.output().baseline(), files.written(ReportSink.FINDINGS_CSV),
                        files.written(ReportSink.CLAIMS), options.policy().holdOn().name());
                try (Writer out = files.open(org.claimscrubber.report.Changes.FILE)) {
                    changes.write(out);
                }
            }
            try (Writer out = files.open(HtmlReport.FILE)) {
                HtmlReport.write(out, manifest, sink.digest(), htmlContext(rules, facts, sink.digest()), changes);
            }
            try (Writer out = files.open(ReportFiles.MANIFEST)) {
                ManifestWriter.write(manifest, out);
            }
            files.commit();
            return new RunOutcome(manifest, files.dir(), changes);
        }
    }

    /** The reports a run writes, in run.json's order: run.json last, as it is committed last. */
    private static List<String> reportNames(List<InputSource> sources, RunOptions options) {
        List<String> reports = new ArrayList<>(List.of(ReportSink.FINDINGS_CSV, ReportSink.FINDINGS_JSON,
                ReportSink.CLAIMS, HtmlReport.FILE));
        if (options.output().split()) {
            List<String> names = sources.stream().map(InputSource::name).toList();
            reports.addAll(ReportSink.splitFiles(ReportSink.CLEAN, names));
            reports.addAll(ReportSink.splitFiles(ReportSink.HELD, names));
        }
        if (options.output().baseline() != null) {
            reports.add(org.claimscrubber.report.Changes.FILE);
        }
        reports.add(ReportFiles.MANIFEST);
        return reports;
    }

    /**
     * An input that is also a report this run writes would be replaced by it (issue 21: reworking last night's
     * held claims with {@code run --split --out DIR DIR/held-claims.csv} overwrote them). Compared by real path, so
     * a link or a relative path does not hide it.
     */
    private static void refuseInputsAmongReports(List<InputSource> sources, RunOptions options) throws InputFileException {
        java.nio.file.Path dir = options.output().dir();
        if (!java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        try {
            java.util.Set<java.nio.file.Path> written = new java.util.HashSet<>();
            java.nio.file.Path realDir = dir.toRealPath();
            for (String report : reportNames(sources, options)) {
                written.add(realDir.resolve(report));
            }
            for (InputSource source : sources) {
                if (source.path() != null && java.nio.file.Files.exists(source.path())
                        && written.contains(source.path().toRealPath())) {
                    throw new InputFileException(source.name() + " is a report this run writes into " + dir
                            + ", so the run would replace it: copy it elsewhere first, or give --out another folder");
                }
            }
        } catch (IOException e) {
            // a path that cannot be resolved is not one of the reports; the run reports its own errors
        }
    }

    /** Rule descriptions and locations, official taxonomy names and document titles for report.html. */
    private static HtmlReport.Context htmlContext(CompiledRules rules, FactBase facts, org.claimscrubber.report.RunDigest digest) {
        Map<String, HtmlReport.RuleInfo> ruleInfo = new java.util.TreeMap<>();
        for (RuleMetadata rule : rules.catalogue()) {
            ruleInfo.put(rule.id(), new HtmlReport.RuleInfo(rule.description(), rule.severity().name(), rule.location()));
        }
        Map<String, String> taxonomyNames = new LinkedHashMap<>();
        for (String taxonomy : digest.byTaxonomy().keySet()) {
            if (facts.taxonomyCodes().entry(taxonomy) != null) {
                taxonomyNames.put(taxonomy, facts.taxonomyCodes().officialName(taxonomy));
            }
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (SeedDocument document : facts.documents()) {
            String title = document.factsOf(org.claimscrubber.domain.ProcedureDocument.class).stream()
                    .map(org.claimscrubber.domain.ProcedureDocument::title).findFirst().orElse(document.file());
            titles.put(document.file(), document.procedureCode() + ": " + title);
        }
        return new HtmlReport.Context(ruleInfo, taxonomyNames, titles);
    }

    /** The seeds, interpretations, official facts and reference files a run loaded, for run.json. */
    public static RunManifest.SeedsUsed seedsUsed(FactBase facts) {
        return new RunManifest.SeedsUsed(facts.seedsLabel(), facts.hash(),
                facts.documents().stream().map(SeedDocument::file).toList(), facts.interpretationsLabel(),
                facts.officialLabel(), facts.reference().loaded());
    }

    /** The rules a run used, switched off and scoped to payers, for run.json. */
    public static RunManifest.RulesUsed rulesUsed(CompiledRules rules) {
        RuleSet ruleSet = rules.source();
        List<RunManifest.SwitchedOff> off = new ArrayList<>();
        Map<String, List<String>> scoped = new LinkedHashMap<>();
        for (RuleMetadata rule : rules.catalogue()) {
            String reason = rules.switches().reasonOff(rule);
            if (reason != null) {
                off.add(new RunManifest.SwitchedOff(rule.id(), reason));
            } else if (!rule.payers().isEmpty()) {
                scoped.put(rule.id(), rule.payers());
            }
        }
        List<RunManifest.SeverityChanged> severities = rules.switches().severities().stream()
                .map(override -> new RunManifest.SeverityChanged(override.ruleId(),
                        override.payer() == null ? "all" : override.payer(), override.severity().name(),
                        rules.switches().source() + ":" + override.line()))
                .toList();
        return new RunManifest.RulesUsed(ruleSet.label(), ruleSet.hash(),
                ruleSet.files().stream().map(RuleSet.RuleFile::name).toList(), rules.enabled().size(),
                rules.fromCache() ? "loaded compiled from the rules cache" : "compiled",
                rules.switches().source(), off, scoped, severities);
    }
}
