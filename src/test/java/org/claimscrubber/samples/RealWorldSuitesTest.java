package org.claimscrubber.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.Prerequisites;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.Test;

/**
 * The coder-written suites under samples/real-world: correctly coded claims produce no ERROR and no
 * WARNING, and every one-defect claim is caught by exactly the finding that names its denial
 * reason. Run with the shipped facts alone and again with the full official code sets
 * (../shared/reference: the NUCC taxonomy and the ICD-10-CM list), where a precise list must not
 * add false alarms. The README reports these figures.
 */
class RealWorldSuitesTest {

    private static final Path CORRECT = Path.of("samples/real-world/correct");
    private static final Path DEFECTS = Path.of("samples/real-world/defects");

    private static SuiteRunner runner(Path reference) throws Exception {
        return new SuiteRunner(
                Shipped.rules(),
                BundledFiles.Located.given(Shipped.SEEDS),
                reference,
                Shipped.TODAY);
    }

    @Test
    void correctlyCodedClaimsProduceNoErrorAndNoWarning() throws Exception {
        assertCorrectClaimsAreQuiet(runner(null));
    }

    @Test
    void correctlyCodedClaimsStayQuietWithTheFullOfficialCodeSets() throws Exception {
        Path nucc = Shipped.sharedNucc();
        Prerequisites.require(
                nucc != null, "../shared/reference beside the checkout", Prerequisites.SHARED);
        assertCorrectClaimsAreQuiet(runner(nucc.getParent()));
    }

    @Test
    void everyDefectClaimIsCaughtByTheFindingThatNamesItsDenial() throws Exception {
        SuiteResult result = runner(null).run(SampleSuite.find(DEFECTS).get(0));
        assertThat(result.cases()).hasSizeGreaterThanOrEqualTo(20);
        List<String> failed = new ArrayList<>();
        for (CaseResult outcome : result.cases()) {
            if (!outcome.passed()) {
                failed.add(
                        outcome.claimId()
                                + ": missing "
                                + outcome.missing()
                                + ", unexpected "
                                + outcome.unexpected().stream().map(Finding::ruleId).toList()
                                + ", severity "
                                + outcome.severityChanged());
            }
        }
        System.out.printf(
                "real-world defects: %d of %d claims caught by exactly their finding (100%% is the target)%n",
                result.cases().size() - failed.size(), result.cases().size());
        assertThat(failed).as("defect claims not caught exactly").isEmpty();
    }

    @Test
    void everyCaseHasARationale() throws Exception {
        for (Path suite : List.of(CORRECT, DEFECTS)) {
            Map<String, String> notes = CaseNotes.read(suite.resolve("claims.csv"));
            long claims =
                    Files.readAllLines(suite.resolve("claims.csv")).stream()
                            .skip(1)
                            .map(line -> line.substring(0, line.indexOf(',')))
                            .distinct()
                            .count();
            assertThat(notes)
                    .as(suite.toString())
                    .hasSize((int) claims)
                    .allSatisfy((id, note) -> assertThat(note).hasSizeGreaterThan(20));
        }
    }

    private static void assertCorrectClaimsAreQuiet(SuiteRunner runner) throws Exception {
        SuiteResult result = runner.run(SampleSuite.find(CORRECT).get(0));
        assertThat(result.cases()).hasSizeGreaterThanOrEqualTo(30);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        List<String> alarms = new ArrayList<>();
        for (CaseResult outcome : result.cases()) {
            for (Finding finding : outcome.unexpected()) {
                bySeverity.merge(finding.severity(), 1, Integer::sum);
                if (finding.severity() != Severity.INFO) {
                    alarms.add(
                            outcome.claimId() + " " + finding.ruleId() + ": " + finding.message());
                }
            }
        }
        System.out.printf(
                "real-world correct claims: %d claims, findings by severity %s%n",
                result.cases().size(), bySeverity);
        assertThat(alarms).as("ERROR or WARNING on a correctly coded claim").isEmpty();
        assertThat(result.passed()).as("every case exactly as expected.csv says").isTrue();
    }
}
