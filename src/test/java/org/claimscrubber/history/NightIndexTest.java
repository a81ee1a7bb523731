package org.claimscrubber.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which earlier nights may hold a key: never one missed, rarely one too many. */
class NightIndexTest {

    @Test
    void aKeyIsFoundOnEveryNightThatHasItNewestFirst() throws Exception {
        long a = Keys.claim("C-1");
        long b = Keys.claim("C-2");
        long c = Keys.claim("C-3");
        NightIndex index =
                index(List.of(sorted(a, b), new long[] {b}, sorted(c, b, Keys.claim("C-4"))));

        assertThat(index.nightsOf(b)).containsExactly(0, 1, 2);
        assertThat(index.nightsOf(a)).containsExactly(0);
        assertThat(index.nightsOf(c)).containsExactly(2);
        assertThat(index.nightsOf(Keys.claim("C-5"))).isEmpty();
        assertThat(index.size()).isEqualTo(6);
    }

    @Test
    void atThirtyNightsOfKeysNoneIsMissedAndFewOthersMatch() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<long[]> nights = new ArrayList<>();
        for (int night = 0; night < 30; night++) {
            nights.add(random.longs(20_000).sorted().toArray());
        }
        NightIndex index = index(nights);

        for (int night = 0; night < 30; night++) {
            for (long key : nights.get(night)) {
                assertThat(index.nightsOf(key)).contains(night);
            }
        }
        long strangers = random.longs(100_000).filter(k -> !index.nightsOf(k).isEmpty()).count();
        // a bucket holds about 8 keys of 16-bit fingerprints: about 8 in 65,536 match by chance
        assertThat(strangers).isLessThan(100_000 * 20 / 65_536);
    }

    @Test
    void noNightsIndexNothing() throws Exception {
        NightIndex index = index(List.of());
        assertThat(index.nightsOf(42L)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void aHistoryOfMoreKeysThanAnIndexHoldsIsRefusedBeforeItsKeysAreRead() {
        assertThatThrownBy(
                        () ->
                                NightIndex.of(
                                        2,
                                        new NightIndex.Nights() {
                                            @Override
                                            public long bytes(int night) {
                                                return NightIndex.MAX_KEYS * Long.BYTES / 2 + 8;
                                            }

                                            @Override
                                            public byte[] keys(int night) {
                                                throw new AssertionError("read");
                                            }
                                        }))
                .isInstanceOf(NightIndex.TooLarge.class)
                .hasMessageContaining("more than one index holds")
                .hasMessageContaining("--history-keep");
    }

    private static long[] sorted(long... keys) {
        return Arrays.stream(keys).sorted().toArray();
    }

    private static NightIndex index(List<long[]> nights) throws Exception {
        List<byte[]> packed = new ArrayList<>();
        for (long[] keys : nights) {
            HistoryStore.LongList list = new HistoryStore.LongList();
            for (long key : keys) {
                list.add(key);
            }
            packed.add(list.packed());
        }
        return NightIndex.of(
                nights.size(),
                new NightIndex.Nights() {
                    @Override
                    public long bytes(int night) {
                        return packed.get(night).length;
                    }

                    @Override
                    public byte[] keys(int night) {
                        return packed.get(night);
                    }
                });
    }
}
