package org.claimscrubber.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.claimscrubber.batch.ClaimPipeline;
import org.claimscrubber.batch.LocalRun;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.config.RunConfig;
import org.claimscrubber.config.RunConfigParser;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleMetadata;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.files.WorkFiles;
import org.claimscrubber.history.HistoryException;
import org.claimscrubber.history.HistoryStore;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;
import org.claimscrubber.setup.RunSetup;
import org.claimscrubber.setup.RunSources;

/**
 * Runs sample suites through the same {@link ClaimPipeline} as {@code run} and compares, claim by
 * claim, the findings (line and rule id) with what expected.csv says; the JUnit suite and the
 * {@code test} command both use this, so they cannot disagree.
 */
public final class SuiteRunner {

    private final CompiledRules rules;
    private final BundledFiles.Located seeds;
    private final Path reference;
    private final LocalDate today;
    private final Map<String, ClaimPipeline> scrubbers = new HashMap<>();

    /**
     * @param reference full official code sets for every suite (--reference), or null; a suite's
     *     own reference folder takes its place
     */
    public SuiteRunner(
            CompiledRules rules, BundledFiles.Located seeds, Path reference, LocalDate today) {
        this.rules = rules;
        this.seeds = seeds;
        this.reference = reference;
        this.today = today;
    }

    private ClaimPipeline scrubberFor(SampleSuite suite) throws SampleException {
        Path folder = suite.reference() != null ? suite.reference() : reference;
        String key = folder + "|" + suite.rules() + "|" + suite.config();
        ClaimPipeline scrubber = scrubbers.get(key);
        if (scrubber == null) {
            scrubber = new ClaimPipeline(rulesFor(suite), factsFor(suite), today);
            scrubbers.put(key, scrubber);
        }
        return scrubber;
    }

    /**
     * The rules under test, with the suite's own rules folder beside them and its config, when it
     * has them.
     */
    private CompiledRules rulesFor(SampleSuite suite) throws SampleException {
        if (suite.rules() == null && suite.config() == null) {
            return rules;
        }
        String key = suite.rules() + "|" + suite.config();
        CompiledRules compiled = suiteRules.get(key);
        if (compiled == null) {
            compiled = compileFor(suite);
            suiteRules.put(key, compiled);
        }
        return compiled;
    }

    private final Map<String, CompiledRules> suiteRules = new HashMap<>();

    private CompiledRules compileFor(SampleSuite suite) throws SampleException {
        try {
            List<RuleSet.RuleFile> files = new ArrayList<>(rules.source().files());
            if (suite.rules() != null) {
                files.addAll(RuleSet.load(BundledFiles.Located.given(suite.rules())).files());
            }
            RuleSet combined =
                    new RuleSet(
                            rules.source().label()
                                    + (suite.rules() == null ? "" : " and " + suite.rules()),
                            files,
                            rules.source().hash()
                                    + (suite.rules() == null ? "" : "+" + suite.rules()));
            RunConfig config =
                    suite.config() == null ? rules.config() : RunConfigParser.parse(suite.config());
            return new RuleCompiler().compile(combined, config);
        } catch (RulesException | ConfigException e) {
            throw new SampleException(suite.name() + ": " + e.getMessage());
        }
    }

    /**
     * Scrubs the suite's earlier nights, one a day up to the day before {@code today}, into a claim
     * history in {@code workDir}, as {@code run --history} would on those nights, and opens it for
     * the suite's own night.
     */
    private HistoryStore earlierNights(SampleSuite suite, Path workDir)
            throws SampleException, IOException {
        List<Path> nights = suite.earlierNights();
        HistoryStore.Options options =
                new HistoryStore.Options(
                        workDir.resolve("history.db").toString(),
                        null,
                        HistoryStore.Options.DEFAULT_KEEP_DAYS);
        // the suite's rules and facts, as set up once for it; the sources give the history only
        CompiledRules rules = rulesFor(suite);
        RunSetup setup = new RunSetup(rules.config(), rules, factsFor(suite), Map.of());
        RunSources sources =
                new RunSources(
                        BundledFiles.Located.given(Path.of(".")),
                        seeds,
                        null,
                        null,
                        RuleCache.off(),
                        options);
        try {
            for (int i = 0; i < nights.size(); i++) {
                new LocalRun()
                        .run(
                                new RunOptions(
                                        RunOptions.Input.files(List.of(nights.get(i).toString())),
                                        sources,
                                        RunOptions.Policy.on(today.minusDays(nights.size() - i)),
                                        RunOptions.Output.to(workDir.resolve("night-" + (i + 1))),
                                        new RunOptions.Execution(1, null)),
                                setup);
            }
            return HistoryStore.open(options, today, "suite " + suite.name());
        } catch (HistoryException
                | InputFileException
                | ConfigException
                | RulesException
                | FactsException e) {
            throw new SampleException(suite.name() + ": an earlier night: " + e.getMessage());
        }
    }

    private final Map<Path, FactBase> factsByReference = new HashMap<>();

    /** The seeds with the suite's reference folder (or the runner's), loaded once per folder. */
    private FactBase factsFor(SampleSuite suite) throws SampleException {
        Path folder = suite.reference() != null ? suite.reference() : reference;
        FactBase facts = factsByReference.get(folder);
        if (facts == null) {
            try {
                facts = FactLoader.load(seeds, folder);
            } catch (FactsException e) {
                throw new SampleException(suite.name() + ": " + e.getMessage());
            }
            factsByReference.put(folder, facts);
        }
        return facts;
    }

    public SuiteResult run(SampleSuite suite) throws SampleException, IOException {
        List<ExpectedFinding> expected = ExpectedFile.read(suite.expected());
        Set<String> known =
                new HashSet<>(rulesFor(suite).catalogue().stream().map(RuleMetadata::id).toList());
        for (ExpectedFinding finding : expected) {
            if (!known.contains(finding.ruleId())) {
                throw new SampleException(
                        suite.expected()
                                + ": claim "
                                + finding.claimId()
                                + " expects rule "
                                + finding.ruleId()
                                + ", which no rule file defines");
            }
        }
        Map<String, List<Finding>> actual = new LinkedHashMap<>();
        Path workDir = Files.createTempDirectory("claim-scrubber-suite");
        HistoryStore history = null;
        try {
            ClaimPipeline scrubber;
            if (suite.earlierNights().isEmpty()) {
                scrubber = scrubberFor(suite);
            } else {
                history = earlierNights(suite, workDir);
                FactBase facts = factsFor(suite);
                scrubber =
                        new ClaimPipeline(
                                rulesFor(suite),
                                facts,
                                today,
                                history.claimHistory(facts.policy().frequencyLimits()),
                                history.patientKeys());
            }
            scrubber.scrub(
                    InputSource.resolve(List.of(suite.claims().toString())),
                    new ClaimPipeline.Options(
                            1, false, workDir, InputStream.nullInputStream(), null),
                    new OutcomeSink.Restartable() {
                        @Override
                        public void accept(ClaimOutcome outcome) {
                            actual.computeIfAbsent(outcome.claimId(), id -> new ArrayList<>())
                                    .addAll(outcome.findings());
                        }

                        @Override
                        public void restart() {
                            actual.clear();
                        }
                    });
        } catch (InputFileException e) {
            throw new SampleException(e.getMessage());
        } finally {
            if (history != null) {
                history.close(); // nothing of the suite's own night is committed
            }
            WorkFiles.delete(workDir);
        }
        Map<String, String> notes = CaseNotes.read(suite.claims());
        List<CaseResult> cases = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (Map.Entry<String, List<Finding>> claim : actual.entrySet()) {
            List<ExpectedFinding> wanted =
                    expected.stream().filter(e -> e.claimId().equals(claim.getKey())).toList();
            CaseResult result =
                    compare(
                            claim.getKey(),
                            notes.getOrDefault(claim.getKey(), ""),
                            wanted,
                            claim.getValue());
            cases.add(result);
            // A rule counts as covered only where a case expects its finding, not where it fires
            // unasked.
            claim.getValue().stream()
                    .filter(finding -> !result.unexpected().contains(finding))
                    .forEach(finding -> fired.add(finding.ruleId()));
        }
        for (ExpectedFinding orphan : expected) {
            if (!actual.containsKey(orphan.claimId())) {
                cases.add(
                        new CaseResult(
                                orphan.claimId(),
                                "(claim not in claims.csv)",
                                List.of(orphan),
                                List.of()));
            }
        }
        return new SuiteResult(suite, cases, fired);
    }

    /**
     * Matches expected and actual findings one to one by line and rule id (and severity, where
     * expected.csv gives one: a rule whose severity was changed then fails its suite); what is left
     * over differs.
     */
    private static CaseResult compare(
            String claimId, String note, List<ExpectedFinding> expected, List<Finding> actual) {
        List<Finding> unmatched = new ArrayList<>(actual);
        List<ExpectedFinding> missing = new ArrayList<>();
        List<String> severityChanged = new ArrayList<>();
        // those with a severity first, so a severity-free expectation cannot take their finding
        List<ExpectedFinding> ordered = new ArrayList<>(expected);
        ordered.sort(Comparator.comparing(e -> e.severity() == null));
        for (ExpectedFinding wanted : ordered) {
            Finding match =
                    unmatched.stream()
                            .filter(
                                    f ->
                                            Objects.equals(f.lineNumber(), wanted.lineNumber())
                                                    && f.ruleId().equals(wanted.ruleId())
                                                    && (wanted.severity() == null
                                                            || wanted.severity() == f.severity()))
                            .findFirst()
                            .orElse(null);
            if (match == null && wanted.severity() != null) {
                // the finding came, at another severity: say so, rather than "missing" plus "not
                // expected"
                match =
                        unmatched.stream()
                                .filter(
                                        f ->
                                                Objects.equals(f.lineNumber(), wanted.lineNumber())
                                                        && f.ruleId().equals(wanted.ruleId()))
                                .findFirst()
                                .orElse(null);
                if (match != null) {
                    severityChanged.add(
                            wanted.ruleId()
                                    + (wanted.lineNumber() == null
                                            ? " on the claim"
                                            : " on line " + wanted.lineNumber())
                                    + ": expected "
                                    + wanted.severity()
                                    + ", got "
                                    + match.severity());
                    unmatched.remove(match);
                    continue;
                }
            }
            if (match == null) {
                missing.add(wanted);
            } else {
                unmatched.remove(match);
            }
        }
        missing.sort(Comparator.comparing(ExpectedFinding::ruleId));
        return new CaseResult(claimId, note, missing, unmatched, severityChanged);
    }
}
