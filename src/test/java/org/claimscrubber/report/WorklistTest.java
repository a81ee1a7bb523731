package org.claimscrubber.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.junit.jupiter.api.Test;

/** Issue 23: the worklist lists the held claims, then the claims with warnings, by severity then dollars. */
class WorklistTest {

    private static Finding finding(String claim, Severity severity, String rule) {
        return new Finding(claim, 0, 1, severity, Category.CODE, rule, "99213", "m", "s", "f.csv", 2, "");
    }

    @Test
    void heldClaimsComeFirstThenWarningsEachByDollars() {
        RunDigest digest = new RunDigest();
        digest.add(List.of(finding("W-BIG", Severity.WARNING, "POS-001")), false, "W-BIG", "Aetna", "207Q00000X",
                1_900_000, "");
        digest.add(List.of(finding("H-SMALL", Severity.ERROR, "CODE-008")), true, "H-SMALL", "Medicare", "207Q00000X",
                11_000, "CODE-008");
        digest.add(List.of(finding("H-BIG", Severity.ERROR, "DX-003")), true, "H-BIG", "Medicare", "2086X0206X",
                421_000, "DX-003");
        digest.add(List.of(finding("INFO-ONLY", Severity.INFO, "MOD-001")), false, "INFO-ONLY", "Aetna", "", 5_000, "");
        assertThat(digest.workFirst()).extracting(RunDigest.HeldClaim::claimId).containsExactly("H-BIG", "H-SMALL", "W-BIG");
        RunDigest.HeldClaim warning = digest.workFirst().get(2);
        assertThat(warning.held()).isFalse();
        assertThat(warning.rules()).isEqualTo("POS-001");
        assertThat(warning.provider()).isEqualTo("207Q00000X");
        assertThat(digest.heldClaims()).isEqualTo(2);
    }
}
