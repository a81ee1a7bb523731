package org.claimscrubber.batch;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.claims.InputFileException;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleMetadata;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.facts.SeedDocument;
import org.claimscrubber.report.Finding;
import org.claimscrubber.report.FindingsCsvWriter;
import org.claimscrubber.report.FindingsJsonWriter;
import org.claimscrubber.report.ManifestWriter;
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
        long t0 = System.nanoTime();
        FactBase facts = FactLoader.load(options.seeds());
        long t1 = System.nanoTime();
        CompiledRules rules = new RuleCompiler().compile(RuleSet.load(options.rules()), options.switches());
        long t2 = System.nanoTime();
        Totals totals = new Totals();
        ClaimTally tally = new ClaimTally();
        try (ReportFiles files = new ReportFiles(options.outDir())) {
            Scrubber.Result result;
            try (FindingsCsvWriter csv = new FindingsCsvWriter(files.open("findings.csv"));
                 FindingsJsonWriter json = new FindingsJsonWriter(files.open("findings.json"))) {
                result = new Scrubber(rules, facts, options.today()).scrub(options.inputs(), (claims, findings) -> {
                    tally.add(claims, findings);
                    for (Finding finding : findings) {
                        csv.write(finding);
                        json.write(finding);
                        totals.add(finding);
                    }
                });
                json.finish(totals);
            }
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("load_facts", (t1 - t0) / 1_000_000);
            timings.put("compile_rules", (t2 - t1) / 1_000_000);
            timings.put("read", result.readMillis());
            timings.put("evaluate_and_write", result.evaluateMillis());
            int exitCode = options.failOn() != null && totals.any(options.failOn()) ? 1 : 0;
            RunManifest manifest = manifest(started, exitCode, result, rules, facts, tally, totals, timings);
            try (Writer out = files.open(ReportFiles.MANIFEST)) {
                ManifestWriter.write(manifest, out);
            }
            files.commit();
            return new RunOutcome(manifest, files.dir());
        }
    }

    private static RunManifest.RulesUsed rulesUsed(CompiledRules rules) {
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
        return new RunManifest.RulesUsed(ruleSet.label(), ruleSet.hash(),
                ruleSet.files().stream().map(RuleSet.RuleFile::name).toList(), rules.enabled().size(),
                rules.switches().source(), off, scoped);
    }

    private static RunManifest manifest(Instant started, int exitCode, Scrubber.Result result, CompiledRules rules,
                                        FactBase facts, ClaimTally tally, Totals totals, Map<String, Long> timings) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        totals.bySeverity().forEach((severity, count) -> bySeverity.put(severity.name(), count));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        totals.byCategory().forEach((category, count) -> byCategory.put(category.name(), count));
        return new RunManifest(ToolVersion.NAME, ToolVersion.version(), started.toString(), Instant.now().toString(),
                exitCode, result.inputs(),
                rulesUsed(rules),
                new RunManifest.SeedsUsed(facts.seedsLabel(), facts.hash(),
                        facts.documents().stream().map(SeedDocument::file).toList(), facts.interpretationsLabel()),
                result.rows(), tally.counts(),
                new RunManifest.FindingCounts(totals.total(), bySeverity, byCategory), timings);
    }
}
