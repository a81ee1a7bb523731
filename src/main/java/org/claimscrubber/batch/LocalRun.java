package org.claimscrubber.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.domain.DataCoverage;
import org.claimscrubber.domain.EditFamily;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.history.HistoryException;
import org.claimscrubber.history.HistoryOpening;
import org.claimscrubber.history.HistoryRecorder;
import org.claimscrubber.history.HistoryStore;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.ReadOptions;
import org.claimscrubber.report.Changes;
import org.claimscrubber.report.HtmlReport;
import org.claimscrubber.report.ManifestWriter;
import org.claimscrubber.report.OutcomeSink;
import org.claimscrubber.report.ReportFiles;
import org.claimscrubber.report.ReportSink;
import org.claimscrubber.report.RunManifest;
import org.claimscrubber.setup.RunSetup;

/**
 * One {@code run}: set up (see {@link RunSetup}), scrub the exports, write the reports. Nothing is
 * written unless the run completes (see {@link ReportFiles}).
 */
public final class LocalRun {

    public RunOutcome run(RunOptions options)
            throws ConfigException,
                    RulesException,
                    FactsException,
                    InputFileException,
                    HistoryException,
                    IOException {
        return run(options, null);
    }

    /**
     * As {@link #run(RunOptions)}, on rules and facts already set up (a sample suite's earlier
     * nights, scrubbed with the suite's rules and facts), or null to set them up from the options'
     * sources.
     */
    public RunOutcome run(RunOptions options, RunSetup setUp)
            throws ConfigException,
                    RulesException,
                    FactsException,
                    InputFileException,
                    HistoryException,
                    IOException {
        Instant started = Instant.now();
        MemoryPeak.watch();
        long t0 = System.nanoTime();
        List<InputSource> given = InputSource.resolve(options.input().files());
        refuseInputsAmongReports(given, options);
        LocalDate today = options.policy().today();
        // the history opens while the rules and facts are set up (its id is unique to the run)
        HistoryOpening opening =
                HistoryOpening.start(
                        options.sources().history(), today, UUID.randomUUID().toString());
        try {
            RunSetup setup = setUp != null ? setUp : RunSetup.load(options.sources());
            return run(options, given, setup, opening, started, t0);
        } finally {
            opening.discard();
        }
    }

    private RunOutcome run(
            RunOptions options,
            List<InputSource> given,
            RunSetup setup,
            HistoryOpening opening,
            Instant started,
            long t0)
            throws HistoryException, IOException, InputFileException {
        ReadOptions reading =
                setup.reading(options.input().separator())
                        .skipping(options.input().skipLines())
                        .forwarding(options.output().split());
        List<InputSource> sources = given.stream().map(source -> source.readWith(reading)).toList();
        Severity holdOn = setup.holdOn(options.policy().holdOn());
        LocalDate today = options.policy().today();
        try (ReportFiles files =
                        new ReportFiles(options.output().dir(), options.output().waitForFolder());
                HistoryStore history = opening.get();
                ReportSink reports =
                        new ReportSink(
                                files,
                                holdOn,
                                options.output().split()
                                        ? sources.stream().map(InputSource::name).toList()
                                        : List.of(),
                                setup.citations())) {
            HistoryRecorder recorder =
                    history == null ? null : new HistoryRecorder(history, holdOn, files);
            ClaimPipeline scrubber =
                    history == null
                            ? new ClaimPipeline(setup.rules(), setup.facts(), today)
                            : new ClaimPipeline(
                                    setup.rules(),
                                    setup.facts(),
                                    today,
                                    history.claimHistory(setup.facts().policy().frequencyLimits()),
                                    history.patientKeys());
            ClaimPipeline.Options scrubbing =
                    new ClaimPipeline.Options(
                            options.execution().threads(),
                            options.output().split(),
                            files.dir(),
                            options.input().standardInput(),
                            options.execution().progress());
            ClaimPipeline.Result result =
                    scrubber.scrub(
                            sources,
                            scrubbing,
                            recorder == null ? reports : OutcomeSink.both(reports, recorder));
            reports.finish(result.sources());
            HistoryRecorder.Counts recorded = recorder == null ? null : recorder.finish();
            Map<String, Long> timings = new LinkedHashMap<>(setup.timings());
            timings.putAll(result.timings());
            timings.put("total_wall", (System.nanoTime() - t0) / 1_000_000);
            DataCoverage coverage =
                    setup.facts()
                            .coverage()
                            .withSource(
                                    EditFamily.CLAIM_HISTORY,
                                    history == null
                                            ? "no --history: not checked"
                                            : history.label());
            RunManifest manifest =
                    setup.manifest(
                            started,
                            options.policy().failOn(),
                            reports.tally(),
                            result.inputs(),
                            result.mode(),
                            result.blankLines(),
                            reportNames(sources, options),
                            new RunManifest.Costs(
                                    timings, MemoryPeak.peak(options.execution().threads())),
                            coverage);
            if (history != null) {
                List<RunManifest.Night> nights = new ArrayList<>(history.lastNights(29));
                nights.add(
                        new RunManifest.Night(
                                today.toString(),
                                reports.tally().claims(),
                                reports.tally().heldClaims(),
                                reports.tally().heldCents()));
                manifest =
                        manifest.withHistory(
                                new RunManifest.History(
                                        history.label(),
                                        history.runId(),
                                        recorded.linesRecorded(),
                                        recorded.claimsSeenBefore(),
                                        recorded.newFindings(),
                                        recorded.recurring(),
                                        recorded.resolved(),
                                        nights));
            }
            Changes changes = null;
            if (options.output().baseline() != null) {
                changes =
                        Changes.between(
                                options.output().baseline(),
                                files.written(ReportSink.FINDINGS_CSV),
                                files.written(ReportSink.CLAIMS),
                                holdOn.name());
                try (Writer out = files.open(Changes.FILE)) {
                    changes.write(out);
                }
            }
            try (Writer out = files.open(HtmlReport.FILE)) {
                HtmlReport.write(
                        out,
                        manifest,
                        reports.digest(),
                        setup.htmlContext(reports.digest()),
                        changes);
            }
            try (Writer out = files.open(ReportFiles.MANIFEST)) {
                ManifestWriter.write(manifest, out);
            }
            if (history != null) {
                // the history commits just before the reports: a run killed before this line
                // recorded nothing
                history.commit(
                        started,
                        reports.tally().claims(),
                        reports.tally().heldClaims(),
                        reports.tally().heldCents(),
                        recorded.linesRecorded(),
                        recorded.keys());
            }
            files.commit();
            return new RunOutcome(manifest, files.dir(), changes);
        }
    }

    /** The reports a run writes, in run.json's order: run.json last, as it is committed last. */
    private static List<String> reportNames(List<InputSource> sources, RunOptions options) {
        List<String> reports =
                new ArrayList<>(
                        List.of(
                                ReportSink.FINDINGS_CSV,
                                ReportSink.FINDINGS_JSON,
                                ReportSink.CLAIMS,
                                HtmlReport.FILE));
        if (options.output().split()) {
            List<String> names = sources.stream().map(InputSource::name).toList();
            reports.addAll(ReportSink.splitFiles(ReportSink.CLEAN, names));
            reports.addAll(ReportSink.splitFiles(ReportSink.HELD, names));
        }
        if (options.output().baseline() != null) {
            reports.add(Changes.FILE);
        }
        if (options.sources().history() != null) {
            reports.add(HistoryRecorder.FILE);
        }
        reports.add(ReportFiles.MANIFEST);
        return reports;
    }

    /**
     * An input that is also a report this run writes would be replaced by it (issue 21: reworking
     * last night's held claims with {@code run --split --out DIR DIR/held-claims.csv} overwrote
     * them). Compared by real path, so a link or a relative path does not hide it.
     */
    private static void refuseInputsAmongReports(List<InputSource> sources, RunOptions options)
            throws InputFileException {
        Path dir = options.output().dir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Set<Path> written = new HashSet<>();
            Path realDir = dir.toRealPath();
            for (String report : reportNames(sources, options)) {
                written.add(realDir.resolve(report));
            }
            for (InputSource source : sources) {
                if (source.path() != null
                        && Files.exists(source.path())
                        && written.contains(source.path().toRealPath())) {
                    throw new InputFileException(
                            source.name()
                                    + " is a report this run writes into "
                                    + dir
                                    + ", so the run would replace it: copy it elsewhere first, or give --out another folder");
                }
            }
        } catch (IOException e) {
            // a path that cannot be resolved is not one of the reports; the run reports its own
            // errors
        }
    }
}
