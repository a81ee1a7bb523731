package org.claimscrubber.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.engine.RuleMetadata;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample suite under samples/ through the real rules, one test per case: the same runner as
 * the {@code test} command, so the two cannot disagree.
 */
class SampleSuitesTest {

    private static final Path SAMPLES = Path.of("samples");

    @TestFactory
    Stream<DynamicTest> everySampleCasePasses() throws Exception {
        SuiteRunner runner =
                new SuiteRunner(
                        Shipped.rules(),
                        BundledFiles.Located.given(Shipped.SEEDS),
                        null,
                        Shipped.TODAY);
        List<DynamicTest> tests = new ArrayList<>();
        for (SampleSuite suite : SampleSuite.find(SAMPLES)) {
            SuiteResult result = runner.run(suite);
            for (CaseResult outcome : result.cases()) {
                tests.add(
                        DynamicTest.dynamicTest(
                                suite.name() + ": " + outcome.claimId(),
                                () -> {
                                    assertThat(outcome.missing())
                                            .as("expected findings that did not come")
                                            .isEmpty();
                                    assertThat(outcome.severityChanged())
                                            .as("findings at another severity than expected")
                                            .isEmpty();
                                    assertThat(outcome.unexpected())
                                            .as("findings not expected")
                                            .extracting(
                                                    f ->
                                                            f.ruleId()
                                                                    + " line "
                                                                    + f.lineNumber()
                                                                    + ": "
                                                                    + f.message())
                                            .isEmpty();
                                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theSamplesFireEveryRuleAndEveryRuleAlsoHasAQuietCase() throws Exception {
        SuiteRunner runner =
                new SuiteRunner(
                        Shipped.rules(),
                        BundledFiles.Located.given(Shipped.SEEDS),
                        null,
                        Shipped.TODAY);
        Set<String> fired = new HashSet<>();
        for (SampleSuite suite : SampleSuite.find(SAMPLES)) {
            fired.addAll(runner.run(suite).rulesFired());
        }
        assertThat(fired)
                .containsAll(Shipped.rules().catalogue().stream().map(RuleMetadata::id).toList());
        // The quiet half: for each rule, a suite where one claim expects it and another claim does
        // not (every
        // case passes exactly, so what a claim expects is what it gets).
        Set<String> quietNextToFiring = new HashSet<>();
        for (SampleSuite suite : SampleSuite.find(SAMPLES)) {
            List<ExpectedFinding> expected = ExpectedFile.read(suite.expected());
            Set<String> claims =
                    new LinkedHashSet<>(
                            Files.readAllLines(suite.claims()).stream()
                                    .skip(1)
                                    .filter(line -> !line.isBlank())
                                    .map(line -> line.split(",", 2)[0])
                                    .toList());
            for (String rule : expected.stream().map(ExpectedFinding::ruleId).distinct().toList()) {
                Set<String> firing =
                        new HashSet<>(
                                expected.stream()
                                        .filter(e -> e.ruleId().equals(rule))
                                        .map(ExpectedFinding::claimId)
                                        .toList());
                if (claims.stream().anyMatch(claim -> !firing.contains(claim))) {
                    quietNextToFiring.add(rule);
                }
            }
        }
        assertThat(quietNextToFiring)
                .as("rules with a quiet case beside a firing one")
                .containsAll(Shipped.rules().catalogue().stream().map(RuleMetadata::id).toList());
    }

    @Test
    void aMissedExpectationIsReportedAsADifference(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(
                dir.resolve("claims.csv"),
                """
                claim_id,line_number,date_of_service,procedure_code,diagnosis_codes
                A,1,2026-11-02,0753T,C18.9
                B,1,2026-11-02,99213,C18.9
                """);
        java.nio.file.Files.writeString(
                dir.resolve("expected.csv"),
                """
                claim_id,line_number,rule_id
                B,1,DUP-001
                """);
        SuiteResult result =
                new SuiteRunner(
                                Shipped.rules(),
                                BundledFiles.Located.given(Shipped.SEEDS),
                                null,
                                Shipped.TODAY)
                        .run(SampleSuite.find(dir).get(0));
        assertThat(result.passed()).isFalse();
        CaseResult a =
                result.cases().stream()
                        .filter(c -> c.claimId().equals("A"))
                        .findFirst()
                        .orElseThrow();
        assertThat(a.unexpected()).extracting(Finding::ruleId).containsExactly("NCCI-AOC-001");
        assertThat(result.rulesFired())
                .as("fired where no case expects it: not coverage")
                .doesNotContain("NCCI-AOC-001");
        CaseResult b =
                result.cases().stream()
                        .filter(c -> c.claimId().equals("B"))
                        .findFirst()
                        .orElseThrow();
        assertThat(b.missing()).containsExactly(new ExpectedFinding("B", 1, "DUP-001"));
    }

    @Test
    void anExpectedSeverityIsChecked(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(
                dir.resolve("claims.csv"),
                """
                claim_id,line_number,date_of_service,procedure_code,diagnosis_codes
                B,1,2026-11-02,99213,C18.9
                B,2,2026-11-02,99213,C18.9
                """);
        java.nio.file.Files.writeString(
                dir.resolve("expected.csv"),
                """
                claim_id,line_number,rule_id,severity
                B,2,DUP-001,WARNING
                """);
        SuiteResult result =
                new SuiteRunner(
                                Shipped.rules(),
                                BundledFiles.Located.given(Shipped.SEEDS),
                                null,
                                Shipped.TODAY)
                        .run(SampleSuite.find(dir).get(0));
        CaseResult b = result.cases().get(0);
        assertThat(b.passed()).isFalse();
        assertThat(b.severityChanged())
                .containsExactly("DUP-001 on line 2: expected WARNING, got ERROR");
        assertThat(b.missing()).as("said once, as a changed severity").isEmpty();
        assertThat(b.unexpected()).isEmpty();
    }
}
