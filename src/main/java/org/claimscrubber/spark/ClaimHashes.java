package org.claimscrubber.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import scala.Tuple2;

/**
 * Finds the claim ids that two parts read, from each part's sorted claim-id hashes: each part sends
 * its hashes as a few arrays, one per bucket of the hash range (cheap to ship: no object per
 * claim), and each bucket finds the hashes that came from more than one part. Their inputs go
 * through the shuffle instead.
 */
final class ClaimHashes {

    /** The hashes of one part that fall in one bucket, with the part and its input. */
    record Slice(int part, int input, long[] hashes) implements Serializable {}

    private ClaimHashes() {}

    /**
     * A part's hashes, cut into {@code buckets} slices by the hash's top bits (the hashes are well
     * mixed).
     */
    static Iterator<Tuple2<Integer, Slice>> slices(PartSummary summary, int buckets) {
        long[] hashes = summary.claims();
        List<Tuple2<Integer, Slice>> slices = new ArrayList<>(buckets);
        int from = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            int to = from;
            while (to < hashes.length && bucketOf(hashes[to], buckets) == bucket) {
                to++;
            }
            long[] slice = new long[to - from];
            System.arraycopy(hashes, from, slice, 0, slice.length);
            slices.add(
                    new Tuple2<>(
                            bucket,
                            new Slice(summary.part().id(), summary.part().input().index(), slice)));
            from = to;
        }
        return slices.iterator();
    }

    /**
     * The bucket of a hash: sorted signed hashes fall into ascending buckets (the sign bit flipped
     * makes the order unsigned), so a part's sorted array is cut into slices in one pass.
     */
    static int bucketOf(long hash, int buckets) {
        if (buckets == 1) {
            return 0; // (2^64 - 1) / 1 + 1 would overflow to 0
        }
        long unsigned = hash ^ Long.MIN_VALUE; // ascending with the signed order
        return (int)
                Math.min(
                        buckets - 1,
                        Long.divideUnsigned(unsigned, Long.divideUnsigned(-1L, buckets) + 1));
    }

    /** The inputs of the hashes in one bucket that more than one part read. */
    static Set<Integer> sharedInputs(Iterable<Slice> slices) {
        Map<Long, Slice> first = new HashMap<>();
        Set<Integer> inputs = new TreeSet<>();
        for (Slice slice : slices) {
            for (long hash : slice.hashes()) {
                Slice earlier = first.putIfAbsent(hash, slice);
                if (earlier != null && earlier.part() != slice.part()) {
                    inputs.add(earlier.input());
                    inputs.add(slice.input());
                }
            }
        }
        return inputs;
    }
}
