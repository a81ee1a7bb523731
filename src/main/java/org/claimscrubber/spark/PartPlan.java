package org.claimscrubber.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.input.ClaimBoundaries;

/**
 * How the job's inputs are cut into {@link Part}s, on the driver: a gzip file, or one no larger
 * than a part, is one part (gzip cannot be read from the middle); a larger uncompressed file is cut
 * near every {@code partBytes} bytes, at the first claim that begins after each nominal offset, as
 * the {@link FileIndexer} found. The driver holds a few numbers per part, nothing per row.
 */
final class PartPlan {

    /** The smallest and largest part the job chooses by itself (a test may choose smaller ones). */
    static final long MIN_PART_BYTES = 8L << 20;

    static final long MAX_PART_BYTES = 128L << 20;

    /**
     * Parts per core: more parts than cores evens out parts that take longer (claims of unequal
     * size).
     */
    static final int PARTS_PER_CORE = 4;

    private PartPlan() {}

    /**
     * The part size: the given one, or the inputs' bytes over {@link #PARTS_PER_CORE} parts a core,
     * within bounds.
     */
    static long partBytes(long given, long totalBytes, int cores) {
        if (given > 0) {
            return given;
        }
        long even = totalBytes / ((long) PARTS_PER_CORE * Math.max(1, cores)) + 1;
        return Math.min(MAX_PART_BYTES, Math.max(MIN_PART_BYTES, even));
    }

    /** Whether the input is read in several parts. */
    static boolean inParts(InputPath input, long partBytes) {
        return !input.gzip() && input.size() > partBytes;
    }

    /**
     * 0, partBytes, 2 partBytes, ... below the input's size: where the parts would start if claims
     * did not matter.
     */
    static long[] offsets(InputPath input, long partBytes) {
        int count = (int) ((input.size() - 1) / partBytes + 1);
        long[] offsets = new long[count];
        for (int k = 0; k < count; k++) {
            offsets[k] = k * partBytes;
        }
        return offsets;
    }

    /**
     * The index stage's tasks: a scan of each input read in parts, and a cut search after each of
     * its offsets.
     */
    static List<FileIndexer.Task> indexTasks(List<InputPath> inputs, long partBytes) {
        List<FileIndexer.Task> tasks = new ArrayList<>();
        for (InputPath input : inputs) {
            if (inParts(input, partBytes)) {
                long[] offsets = offsets(input, partBytes);
                tasks.add(new FileIndexer.Task(input, offsets, -1));
                for (int k = 1; k < offsets.length; k++) {
                    tasks.add(new FileIndexer.Task(input, null, offsets[k]));
                }
            }
        }
        return tasks;
    }

    /**
     * The parts, from the index stage's results: each input's parts in order, numbered across the
     * job.
     */
    static List<Part> parts(
            List<InputPath> inputs, long partBytes, List<FileIndexer.Result> results) {
        Map<Integer, FileIndexer.Result> scans = new HashMap<>();
        Map<Integer, Map<Long, ClaimBoundaries.Cut>> cuts = new HashMap<>();
        for (FileIndexer.Result result : results) {
            if (result.scan() != null) {
                scans.put(result.input(), result);
            } else {
                cuts.computeIfAbsent(result.input(), i -> new HashMap<>())
                        .put(result.from(), result.cut());
            }
        }
        List<Part> parts = new ArrayList<>();
        for (InputPath input : inputs) {
            if (!inParts(input, partBytes)) {
                parts.add(new Part(parts.size(), input, 0, 0, -1, 1));
                continue;
            }
            ClaimBoundaries.Scan scan = scans.get(input.index()).scan();
            long[] offsets = offsets(input, partBytes);
            List<long[]> starts = new ArrayList<>(); // {byte, line}
            starts.add(new long[] {0, 1});
            for (int k = 1; k < offsets.length; k++) {
                ClaimBoundaries.Cut cut = cuts.get(input.index()).get(offsets[k]);
                long before = scan.lineEndsBefore()[k];
                if (!cut.found()
                        || before < 0
                        || cut.offset() >= scan.bytes()
                        || cut.offset() <= starts.get(starts.size() - 1)[0]) {
                    // no claim begins near this offset (or the file shrank): the part before reads
                    // on
                    continue;
                }
                starts.add(new long[] {cut.offset(), 1 + before + cut.lineEndsSkipped()});
            }
            for (int i = 0; i < starts.size(); i++) {
                long end = i + 1 < starts.size() ? starts.get(i + 1)[0] : -1;
                parts.add(
                        new Part(parts.size(), input, i, starts.get(i)[0], end, starts.get(i)[1]));
            }
        }
        return parts;
    }
}
