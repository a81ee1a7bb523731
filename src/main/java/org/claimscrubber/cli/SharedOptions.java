package org.claimscrubber.cli;

import java.nio.file.Path;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.config.RunConfig;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.setup.RunSetup;
import org.claimscrubber.setup.RunSources;
import picocli.CommandLine.Option;

/**
 * The options every command that loads rules or facts shares: where they are, and the rule config.
 */
public final class SharedOptions {

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description =
                    "DRL rules folder, sub-folders included (default: ./rules if present, else the rules inside the jar)")
    Path rules;

    @Option(
            names = "--seeds",
            paramLabel = "DIR",
            description =
                    "Seed documents folder (default: ./seeds if present, else the seeds inside the jar)")
    Path seeds;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The run's config (docs/rules.md): disable.rules, disable.categories, payer.<name> (payer"
                            + " names and scopes, payer.NCCI, payer.NoNCCI), severity.<rule>[.<payer>], suppressions = FILE,"
                            + " hold.on, column.<name> (more names for a column)")
    Path config;

    @Option(
            names = "--reference",
            paramLabel = "DIR",
            description =
                    "A folder of the official files you download (docs/reference-data.md): the NUCC taxonomy CSV,"
                            + " ICD-10-CM codes or order files by fiscal year, the CMS NCCI PTP, MUE and add-on files, the CMS"
                            + " PPRRVU fee schedule file and the quarterly HCPCS workbook")
    Path reference;

    @Option(
            names = "--no-rules-cache",
            description = "Compile the rules even if an earlier run cached them compiled")
    boolean noRulesCache;

    public BundledFiles.Located rulesDirectory() {
        return rules == null
                ? BundledFiles.defaultDirectory("rules")
                : BundledFiles.Located.given(rules);
    }

    public BundledFiles.Located seedsDirectory() {
        return seeds == null
                ? BundledFiles.defaultDirectory("seeds")
                : BundledFiles.Located.given(seeds);
    }

    /** The --config file read, or {@link RunConfig#NONE} without one. */
    public RunConfig config() throws ConfigException {
        return RunSetup.readConfig(config);
    }

    /**
     * Where the rules, seeds, reference files and config of a run are, as the options give them.
     */
    public RunSources sources() {
        return new RunSources(rulesDirectory(), seedsDirectory(), reference, config, ruleCache());
    }

    public CompiledRules compileRules() throws ConfigException, RulesException {
        return new RuleCompiler(ruleCache()).compile(RuleSet.load(rulesDirectory()), config());
    }

    public RuleCache ruleCache() {
        return noRulesCache ? RuleCache.off() : RuleCache.standard();
    }

    /** The --config file, or null. */
    public Path configFile() {
        return config;
    }

    /** The --reference folder, or null. */
    public Path referenceDirectory() {
        return reference;
    }

    public FactBase loadFacts() throws FactsException {
        return FactLoader.load(seedsDirectory(), reference);
    }
}
