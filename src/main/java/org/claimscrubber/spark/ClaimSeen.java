package org.claimscrubber.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import scala.Tuple2;

/**
 * Which parts read a claim id (by its hash): one part, or several (then {@code part} is -1), and the inputs they
 * belong to. A claim two parts read was scrubbed as two claims, so its inputs go through the shuffle instead.
 */
record ClaimSeen(int part, int[] inputs) implements Serializable {

    /** Each claim of a part, keyed by its hash. */
    static Iterator<Tuple2<Long, ClaimSeen>> of(PartSummary summary) {
        ClaimSeen seen = new ClaimSeen(summary.part().id(), new int[] {summary.part().input().index()});
        List<Tuple2<Long, ClaimSeen>> keyed = new ArrayList<>(summary.claims().length);
        for (long hash : summary.claims()) {
            keyed.add(new Tuple2<>(hash, seen));
        }
        return keyed.iterator();
    }

    static ClaimSeen merge(ClaimSeen a, ClaimSeen b) {
        int[] inputs = IntStream.concat(Arrays.stream(a.inputs), Arrays.stream(b.inputs)).distinct().sorted().toArray();
        return new ClaimSeen(a.part == b.part ? a.part : -1, inputs);
    }

    boolean shared() {
        return part < 0;
    }

    List<Integer> inputList() {
        return Arrays.stream(inputs).boxed().toList();
    }
}
