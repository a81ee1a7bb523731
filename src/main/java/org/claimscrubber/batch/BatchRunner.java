package org.claimscrubber.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.claims.Claim;
import org.claimscrubber.claims.ClaimCsvReader;
import org.claimscrubber.claims.CsvRecord;
import org.claimscrubber.claims.InputFileException;
import org.claimscrubber.claims.RowParser;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.engine.RunContext;
import org.claimscrubber.engine.ScrubSession;
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
 * One {@code run}: load the facts and rules, read the exports, scrub every claim, write the reports.
 * Nothing is written unless the run completes (see {@link ReportFiles}).
 */
public final class BatchRunner {

    /** Claims are evaluated in chunks of about this many lines; a claim is never split across chunks. */
    static final int CHUNK_LINES = 2000;

    public RunOutcome run(RunOptions options) throws RulesException, FactsException, InputFileException, IOException {
        Instant started = Instant.now();
        Map<String, Long> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        FactBase facts = FactLoader.load(options.seeds());
        long t1 = System.nanoTime();
        CompiledRules rules = new RuleCompiler().compile(RuleSet.load(options.rules()));
        long t2 = System.nanoTime();
        RowCounter rows = new RowCounter();
        ClaimAssembler assembler = new ClaimAssembler(rows);
        List<RunManifest.InputFile> inputs = new ArrayList<>();
        for (Path input : options.inputs()) {
            inputs.add(read(input, assembler, rows));
        }
        List<Claim> claims = assembler.claims();
        long t3 = System.nanoTime();
        List<Object> referenceFacts = new ArrayList<>(facts.seedFacts());
        referenceFacts.add(new RunContext(options.today()));
        Totals totals = new Totals();
        ClaimTally tally = new ClaimTally();
        try (ReportFiles files = new ReportFiles(options.outDir())) {
            try (FindingsCsvWriter csv = new FindingsCsvWriter(files.open("findings.csv"));
                 FindingsJsonWriter json = new FindingsJsonWriter(files.open("findings.json"));
                 ScrubSession session = new ScrubSession(rules, referenceFacts)) {
                for (List<Claim> chunk : chunks(claims)) {
                    List<Finding> findings = session.evaluate(chunk);
                    tally.add(chunk, findings);
                    for (Finding finding : findings) {
                        csv.write(finding);
                        json.write(finding);
                        totals.add(finding);
                    }
                }
                json.finish(totals);
            }
            long t4 = System.nanoTime();
            timings.put("load_facts", millis(t0, t1));
            timings.put("compile_rules", millis(t1, t2));
            timings.put("read", millis(t2, t3));
            timings.put("evaluate_and_write", millis(t3, t4));
            int exitCode = options.failOn() != null && totals.any(options.failOn()) ? 1 : 0;
            RunManifest manifest = manifest(options, started, exitCode, inputs, rules, facts, rows, tally, totals,
                    timings);
            try (Writer out = files.open(ReportFiles.MANIFEST)) {
                ManifestWriter.write(manifest, out);
            }
            files.commit();
            return new RunOutcome(manifest, files.dir());
        }
    }

    private static RunManifest.InputFile read(Path input, ClaimAssembler assembler, RowCounter rows)
            throws InputFileException {
        String name = input.toString();
        if (Files.isDirectory(input)) {
            throw new InputFileException(name + ": is a directory, not a claim export");
        }
        long rowsBefore = rows.read();
        try (InputStream raw = Files.newInputStream(input);
             CountingInput counting = new CountingInput(new BufferedInputStream(raw, 1 << 16));
             ClaimCsvReader reader = ClaimCsvReader.open(name, counting)) {
            RowParser parser = new RowParser(reader.columns(), name);
            CsvRecord record;
            while ((record = reader.next()) != null) {
                assembler.add(record, parser, name);
            }
            rows.blankLines(reader.blankLines());
            return new RunManifest.InputFile(name, counting.sha256(), counting.bytes(), counting.lines(),
                    rows.read() - rowsBefore);
        } catch (NoSuchFileException e) {
            throw new InputFileException(name + ": no such file");
        } catch (IOException e) {
            throw new InputFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Consecutive claims in groups of about {@link #CHUNK_LINES} lines. */
    static List<List<Claim>> chunks(List<Claim> claims) {
        List<List<Claim>> chunks = new ArrayList<>();
        List<Claim> current = new ArrayList<>();
        int lines = 0;
        for (Claim claim : claims) {
            current.add(claim);
            lines += claim.lines().size() + claim.problems().size();
            if (lines >= CHUNK_LINES) {
                chunks.add(current);
                current = new ArrayList<>();
                lines = 0;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static RunManifest manifest(RunOptions options, Instant started, int exitCode,
                                        List<RunManifest.InputFile> inputs, CompiledRules rules, FactBase facts,
                                        RowCounter rows, ClaimTally tally, Totals totals, Map<String, Long> timings) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        totals.bySeverity().forEach((severity, count) -> bySeverity.put(severity.name(), count));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        totals.byCategory().forEach((category, count) -> byCategory.put(category.name(), count));
        RuleSet ruleSet = rules.source();
        return new RunManifest(ToolVersion.NAME, ToolVersion.version(), started.toString(), Instant.now().toString(),
                exitCode, inputs,
                new RunManifest.RulesUsed(ruleSet.label(), ruleSet.hash(),
                        ruleSet.files().stream().map(RuleSet.RuleFile::name).toList(), rules.catalogue().size()),
                new RunManifest.SeedsUsed(facts.seedsLabel(), facts.hash(),
                        facts.documents().stream().map(SeedDocument::file).toList(), facts.interpretationsLabel()),
                rows.counts(), tally.counts(),
                new RunManifest.FindingCounts(totals.total(), bySeverity, byCategory), timings);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
