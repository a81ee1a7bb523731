package org.claimscrubber.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the worklist lists the held claims, then the claims with warnings, by severity then
 * dollars.
 */
class WorklistTest {

    private static Finding finding(String claim, Severity severity, String rule) {
        return new Finding(
                claim, 0, 1, severity, Category.CODE, rule, "99213", "m", "s", "f.csv", 2, "");
    }

    @Test
    void heldClaimsComeFirstThenWarningsEachByDollars() {
        RunDigest digest = new RunDigest();
        digest.add(
                List.of(finding("W-BIG", Severity.WARNING, "POS-001")),
                false,
                "W-BIG",
                new ClaimOutcome.Profile("Aetna", "207Q00000X", "", "2026-11-20", 1_900_000),
                "");
        digest.add(
                List.of(finding("H-SMALL", Severity.ERROR, "CODE-008")),
                true,
                "H-SMALL",
                new ClaimOutcome.Profile("Medicare", "207Q00000X", "", "2026-11-20", 11_000),
                "CODE-008");
        digest.add(
                List.of(finding("H-BIG", Severity.ERROR, "DX-003")),
                true,
                "H-BIG",
                new ClaimOutcome.Profile("Medicare", "2086X0206X", "", "2026-11-20", 421_000),
                "DX-003");
        digest.add(
                List.of(finding("INFO-ONLY", Severity.INFO, "MOD-001")),
                false,
                "INFO-ONLY",
                new ClaimOutcome.Profile("Aetna", "", "", "2026-11-20", 5_000),
                "");
        assertThat(digest.workFirst())
                .extracting(RunDigest.HeldClaim::claimId)
                .containsExactly("H-BIG", "H-SMALL", "W-BIG");
        RunDigest.HeldClaim warning = digest.workFirst().get(2);
        assertThat(warning.held()).isFalse();
        assertThat(warning.rules()).isEqualTo("POS-001");
        assertThat(warning.provider()).isEqualTo("207Q00000X");
        assertThat(warning.dateOfService()).isEqualTo("2026-11-20");
        assertThat(digest.heldClaims()).isEqualTo(2);
    }

    @Test
    void theProviderIsTheRenderingNpiWhenTheClaimHasOneAndTheDateIsTheEarliestLines() {
        ClaimOutcome.Profile withNpi =
                new ClaimOutcome.Profile("Aetna", "207Q00000X", "1234567893", "2026-11-02", 100);
        assertThat(withNpi.provider()).isEqualTo("1234567893");
        RunDigest digest = new RunDigest();
        digest.add(
                List.of(finding("H1", Severity.ERROR, "CODE-008")),
                true,
                "H1",
                withNpi,
                "CODE-008");
        assertThat(digest.workFirst().get(0).provider()).isEqualTo("1234567893");
        assertThat(digest.workFirst().get(0).dateOfService()).isEqualTo("2026-11-02");
    }
}
