package org.claimscrubber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.batch.ClaimPipeline;
import org.claimscrubber.domain.ClaimHistory;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.PatientKeyer;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;
import org.claimscrubber.setup.RunSetup;
import org.claimscrubber.setup.RunSources;

/** The repository's own rules/ and seeds/, compiled and loaded once for all tests. */
public final class Shipped {

    public static final Path RULES = Path.of("rules");
    public static final Path SEEDS = Path.of("seeds");

    /** A fixed run date, so tests do not depend on the day they run. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static RunSetup setup;

    private Shipped() {}

    /**
     * The shipped rules and seeds as every run sets them up, without a config or reference files.
     */
    public static synchronized RunSetup setup() {
        if (setup == null) {
            try {
                setup = RunSetup.load(sources());
            } catch (Exception e) {
                throw new IllegalStateException(
                        "the shipped rules or seeds do not load: " + e.getMessage(), e);
            }
        }
        return setup;
    }

    /** The repository's rules/ and seeds/, no config, no reference files, no rules cache. */
    public static RunSources sources() {
        return RunSources.of(BundledFiles.Located.given(RULES), BundledFiles.Located.given(SEEDS));
    }

    public static CompiledRules rules() {
        return setup().rules();
    }

    public static FactBase facts() {
        return setup().facts();
    }

    /**
     * The shared NUCC taxonomy file (CI has ../shared beside the checkout), or null where it is
     * not.
     */
    public static Path sharedNucc() {
        Path nucc = Path.of("..", "shared", "reference", "nucc_taxonomy_251.csv");
        return Files.isRegularFile(nucc) ? nucc : null;
    }

    /** The shipped seeds with full code sets loaded from {@code reference} (--reference). */
    public static FactBase factsWith(Path reference) {
        try {
            return FactLoader.load(BundledFiles.Located.given(SEEDS), reference);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the reference folder does not load: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the shipped rules (sub-folders included) into {@code target}, for tests that add or
     * edit a rule.
     */
    public static Path copyRules(Path target) throws IOException {
        try (var files = Files.walk(RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(RULES.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }

    /** Scrubs a claim export given as text with the shipped rules and seeds. */
    public static List<Finding> scrub(Path dir, String csv) throws Exception {
        Path file = dir.resolve("claims-" + System.nanoTime() + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return scrub(file);
    }

    public static List<Finding> scrub(Path file) throws IOException, InputFileException {
        return scrub(rules(), file);
    }

    /**
     * Scrubs a file with the given rules and the shipped seeds, on one thread; the findings in
     * report order.
     */
    public static List<Finding> scrub(CompiledRules rules, Path file)
            throws IOException, InputFileException {
        return scrub(rules, facts(), file);
    }

    /**
     * Scrubs a file with the given rules and facts, on one thread; the findings in report order.
     */
    public static List<Finding> scrub(CompiledRules rules, FactBase facts, Path file)
            throws IOException, InputFileException {
        return scrub(new ClaimPipeline(rules, facts, TODAY), file);
    }

    /**
     * As above, checked against a claim history (its patient keys turn the file's patient ids into
     * its keys).
     */
    public static List<Finding> scrub(
            CompiledRules rules,
            FactBase facts,
            Path file,
            ClaimHistory history,
            PatientKeyer patientKeys)
            throws IOException, InputFileException {
        return scrub(new ClaimPipeline(rules, facts, TODAY, history, patientKeys), file);
    }

    private static List<Finding> scrub(ClaimPipeline scrubber, Path file)
            throws IOException, InputFileException {
        List<Finding> findings = new ArrayList<>();
        scrubber.scrub(
                InputSource.resolve(List.of(file.toString())),
                new ClaimPipeline.Options(
                        1,
                        false,
                        file.toAbsolutePath().getParent(),
                        InputStream.nullInputStream(),
                        null),
                new OutcomeSink.Restartable() {
                    @Override
                    public void accept(ClaimOutcome outcome) {
                        findings.addAll(outcome.findings());
                    }

                    @Override
                    public void restart() {
                        findings.clear();
                    }
                });
        return findings;
    }
}
