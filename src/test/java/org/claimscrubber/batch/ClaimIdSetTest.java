package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The started-claims set that tells a grouped export from one that must be partitioned. */
class ClaimIdSetTest {

    @Test
    void anIdIsAddedOnceAndASecondStartIsSeen() {
        ClaimIdSet set = new ClaimIdSet();
        assertThat(set.add("C1")).isTrue();
        assertThat(set.add("C2")).isTrue();
        assertThat(set.add("C1")).as("C1 started again: not grouped").isFalse();
    }

    @Test
    void theEmptyIdAndIdsThatDifferOnlyInCaseAreDistinct() {
        ClaimIdSet set = new ClaimIdSet();
        assertThat(set.add("")).isTrue();
        assertThat(set.add("")).isFalse();
        assertThat(set.add("c1")).isTrue();
        assertThat(set.add("C1")).isTrue();
    }

    @Test
    void itGrowsPastItsFirstTableWithoutLosingIds() {
        ClaimIdSet set = new ClaimIdSet();
        for (int i = 0; i < 200_000; i++) {
            assertThat(set.add("CLM" + i)).as("first add of CLM%d", i).isTrue();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(set.add("CLM" + i)).as("second add of CLM%d", i).isFalse();
        }
    }
}
