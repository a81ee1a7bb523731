package org.claimscrubber.setup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.config.RunConfig;
import org.claimscrubber.config.RunConfigParser;
import org.claimscrubber.domain.DataCoverage;
import org.claimscrubber.domain.ProcedureDocument;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleMetadata;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.facts.SeedDocument;
import org.claimscrubber.input.InputFile;
import org.claimscrubber.input.ReadOptions;
import org.claimscrubber.report.Citations;
import org.claimscrubber.report.FailOn;
import org.claimscrubber.report.HtmlReport;
import org.claimscrubber.report.OutcomeTally;
import org.claimscrubber.report.RunDigest;
import org.claimscrubber.report.RunManifest;
import org.claimscrubber.report.ToolVersion;

/**
 * What every run stands on, made in one place for the local run, the Spark job (driver and
 * workers), the sample suites and the tests: the config read, the facts loaded, the rules compiled
 * with the config. It also settles the run-wide choices the config and the command line share (the
 * hold policy, the column names) and builds the outcome every run ends with (exit code and
 * run.json), so that no two ways of running can disagree on them.
 *
 * @param timings milliseconds spent loading the facts and compiling the rules, for run.json
 */
public record RunSetup(
        RunConfig config, CompiledRules rules, FactBase facts, Map<String, Long> timings) {

    /** Reads the config, loads the facts and compiles the rules folder of {@code sources}. */
    public static RunSetup load(RunSources sources)
            throws ConfigException, RulesException, FactsException {
        return load(sources, null);
    }

    /**
     * As {@link #load(RunSources)}, with the rules given as text instead of read from {@code
     * sources.rules()}: a Spark worker compiles the rules the driver shipped, a sample suite its
     * own rules beside the shipped ones.
     */
    public static RunSetup load(RunSources sources, RuleSet ruleSet)
            throws ConfigException, RulesException, FactsException {
        RunConfig config = readConfig(sources.config());
        long t0 = System.nanoTime();
        FactBase facts = FactLoader.load(sources.seeds(), sources.reference());
        long t1 = System.nanoTime();
        RuleSet rules = ruleSet != null ? ruleSet : RuleSet.load(sources.rules());
        CompiledRules compiled = new RuleCompiler(sources.ruleCache()).compile(rules, config);
        long t2 = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("load_facts", (t1 - t0) / 1_000_000);
        timings.put("compile_rules", (t2 - t1) / 1_000_000);
        return new RunSetup(config, compiled, facts, Map.copyOf(timings));
    }

    /** The config file read, or {@link RunConfig#NONE} for none. */
    public static RunConfig readConfig(Path file) throws ConfigException {
        return file == null ? RunConfig.NONE : RunConfigParser.parse(file);
    }

    /**
     * The least severity that holds a claim: {@code --hold-on} when given, else the config's
     * hold.on, else ERROR.
     */
    public Severity holdOn(Severity given) {
        if (given != null) {
            return given;
        }
        return config.holdOn() != null ? config.holdOn() : Severity.ERROR;
    }

    /**
     * How the exports are read: the separator given ('\0' to detect it) and the config's column
     * names.
     */
    public ReadOptions reading(char separator) {
        return new ReadOptions(separator, config.columnNames());
    }

    /**
     * The run.json of a completed run, with its exit code: 1 when {@code failOn} says the findings
     * or the input trouble fail the run, else 0.
     *
     * @param inputs the files read, with their counts
     * @param mode how the input was read (streamed, partitioned, Spark's plan)
     * @param blankLines blank lines skipped, which are counted as read but are no rows
     * @param reports the files the run writes, run.json last
     */
    public RunManifest manifest(
            Instant started,
            FailOn failOn,
            OutcomeTally tally,
            List<InputFile> inputs,
            String mode,
            long blankLines,
            List<String> reports,
            RunManifest.Costs costs) {
        return manifest(
                started, failOn, tally, inputs, mode, blankLines, reports, costs, facts.coverage());
    }

    /**
     * As above, with the coverage the run had (a run with a claim history says which it checked
     * against).
     */
    public RunManifest manifest(
            Instant started,
            FailOn failOn,
            OutcomeTally tally,
            List<InputFile> inputs,
            String mode,
            long blankLines,
            List<String> reports,
            RunManifest.Costs costs,
            DataCoverage coverage) {
        int exitCode = FailOn.exitCode(failOn, tally);
        return new RunManifest(
                new RunManifest.About(
                        ToolVersion.NAME,
                        ToolVersion.version(),
                        started.toString(),
                        Instant.now().toString(),
                        exitCode),
                new RunManifest.Scope(inputs, mode, rulesUsed(), seedsUsed()),
                new RunManifest.Counts(
                        tally.rowCounts(blankLines),
                        tally.claimCounts(),
                        tally.findingCounts(),
                        tally.checks(coverage)),
                reports,
                costs,
                null);
    }

    /**
     * Rule descriptions and locations, official taxonomy names and document titles for report.html.
     */
    public HtmlReport.Context htmlContext(RunDigest digest) {
        Map<String, HtmlReport.RuleInfo> ruleInfo = new TreeMap<>();
        for (RuleMetadata rule : rules.catalogue()) {
            ruleInfo.put(
                    rule.id(),
                    new HtmlReport.RuleInfo(
                            rule.description(), rule.severity().name(), rule.location()));
        }
        Map<String, String> taxonomyNames = new LinkedHashMap<>();
        for (String taxonomy : digest.byTaxonomy().keySet()) {
            if (facts.taxonomyCodes().entry(taxonomy) != null) {
                taxonomyNames.put(taxonomy, facts.taxonomyCodes().officialName(taxonomy));
            }
        }
        return new HtmlReport.Context(ruleInfo, taxonomyNames, documentTitles());
    }

    /** How reports name the seed documents a finding cites. */
    public Citations citations() {
        return new Citations(documentTitles());
    }

    /** Each seed document's file name to its code and title ("0352T: ..."), as reports cite it. */
    public Map<String, String> documentTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (SeedDocument document : facts.documents()) {
            String title =
                    document.factsOf(ProcedureDocument.class).stream()
                            .map(ProcedureDocument::title)
                            .findFirst()
                            .orElse(document.file());
            titles.put(document.file(), document.procedureCode() + ": " + title);
        }
        return titles;
    }

    /**
     * The seeds, interpretations, official facts and reference files the run loaded, for run.json.
     */
    public RunManifest.SeedsUsed seedsUsed() {
        return new RunManifest.SeedsUsed(
                facts.seedsLabel(),
                facts.hash(),
                facts.documents().stream().map(SeedDocument::file).toList(),
                facts.interpretationsLabel(),
                facts.officialLabel(),
                facts.reference().loaded());
    }

    /** The rules the run used, switched off and scoped to payers, for run.json. */
    public RunManifest.RulesUsed rulesUsed() {
        RuleSet ruleSet = rules.source();
        List<RunManifest.SwitchedOff> off = new ArrayList<>();
        Map<String, List<String>> scoped = new LinkedHashMap<>();
        for (RuleMetadata rule : rules.catalogue()) {
            String reason = config.reasonOff(rule.id(), rule.category());
            if (reason != null) {
                off.add(new RunManifest.SwitchedOff(rule.id(), reason));
            } else if (!rule.payers().isEmpty()) {
                scoped.put(rule.id(), rule.payers());
            }
        }
        List<RunManifest.SeverityChanged> severities =
                config.severities().stream()
                        .map(
                                override ->
                                        new RunManifest.SeverityChanged(
                                                override.ruleId(),
                                                override.payer() == null ? "all" : override.payer(),
                                                override.severity().name(),
                                                config.source() + ":" + override.line()))
                        .toList();
        return new RunManifest.RulesUsed(
                ruleSet.label(),
                ruleSet.hash(),
                ruleSet.files().stream().map(RuleSet.RuleFile::name).toList(),
                rules.enabled().size(),
                rules.fromCache() ? "loaded compiled from the rules cache" : "compiled",
                rules.sequential()
                        ? "sequential: every rule only reports"
                        : "full engine: a rule's consequence may change facts",
                config.source(),
                off,
                scoped,
                severities);
    }
}
