package org.claimscrubber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.batch.Scrubber;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;

/** The repository's own rules/ and seeds/, compiled and loaded once for all tests. */
public final class Shipped {

    public static final Path RULES = Path.of("rules");
    public static final Path SEEDS = Path.of("seeds");
    /** A fixed run date, so tests do not depend on the day they run. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static CompiledRules rules;
    private static FactBase facts;

    private Shipped() {
    }

    public static synchronized CompiledRules rules() {
        if (rules == null) {
            try {
                rules = new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(RULES)));
            } catch (Exception e) {
                throw new IllegalStateException("the shipped rules do not compile: " + e.getMessage(), e);
            }
        }
        return rules;
    }

    public static synchronized FactBase facts() {
        if (facts == null) {
            try {
                facts = FactLoader.load(BundledFiles.Located.given(SEEDS));
            } catch (Exception e) {
                throw new IllegalStateException("the shipped seeds do not load: " + e.getMessage(), e);
            }
        }
        return facts;
    }

    /** The shared NUCC taxonomy file (CI has ../shared beside the checkout), or null where it is not. */
    public static Path sharedNucc() {
        Path nucc = Path.of("..", "shared", "reference", "nucc_taxonomy_251.csv");
        return Files.isRegularFile(nucc) ? nucc : null;
    }

    /** The shipped seeds with full code sets loaded from {@code reference} (--reference). */
    public static FactBase factsWith(Path reference) {
        try {
            return FactLoader.load(BundledFiles.Located.given(SEEDS), reference);
        } catch (Exception e) {
            throw new IllegalStateException("the reference folder does not load: " + e.getMessage(), e);
        }
    }

    /** Copies the shipped rules (sub-folders included) into {@code target}, for tests that add or edit a rule. */
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

    public static List<Finding> scrub(Path file) throws IOException, org.claimscrubber.input.InputFileException {
        return scrub(rules(), file);
    }

    /** Scrubs a file with the given rules and the shipped seeds, on one thread; the findings in report order. */
    public static List<Finding> scrub(CompiledRules rules, Path file)
            throws IOException, org.claimscrubber.input.InputFileException {
        return scrub(rules, facts(), file);
    }

    /** Scrubs a file with the given rules and facts, on one thread; the findings in report order. */
    public static List<Finding> scrub(CompiledRules rules, FactBase facts, Path file)
            throws IOException, org.claimscrubber.input.InputFileException {
        List<Finding> findings = new ArrayList<>();
        new Scrubber(rules, facts, TODAY).scrub(InputSource.resolve(List.of(file.toString())),
                new Scrubber.Options(1, false, file.toAbsolutePath().getParent(), InputStream.nullInputStream(), null),
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
