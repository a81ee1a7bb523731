package org.claimscrubber.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.claimscrubber.input.ClaimBoundaries;
import org.claimscrubber.input.SourceReader;

/**
 * The index stage, before a large file is read in parts: one task reads each such file whole at
 * disk speed, for its hash and the line ends before each nominal offset, while one small task per
 * offset finds the first claim that begins after it (see {@link ClaimBoundaries}). The driver turns
 * the results into {@link Part}s.
 */
final class FileIndexer implements FlatMapFunction<Iterator<FileIndexer.Task>, FileIndexer.Result> {

    private static final long serialVersionUID = 1L;

    /**
     * How far past a nominal offset a claim's start is looked for; a larger claim joins the part
     * before.
     */
    static final long MAX_CUT_SEARCH = 4L << 20;

    /**
     * Scan {@code input} whole (at {@code offsets}), when {@code from} is -1; else find the cut
     * after byte {@code from}.
     */
    record Task(InputPath input, long[] offsets, long from) implements Serializable {}

    /** A scan's result (with what the file's size now says), or a cut's. */
    record Result(
            int input,
            long from,
            ClaimBoundaries.Scan scan,
            String changed,
            ClaimBoundaries.Cut cut)
            implements Serializable {}

    private final Broadcast<JobFiles> job;
    private final Broadcast<SerializableConfiguration> hadoop;

    FileIndexer(Broadcast<JobFiles> job, Broadcast<SerializableConfiguration> hadoop) {
        this.job = job;
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<Result> call(Iterator<Task> tasks) throws IOException {
        Task task = tasks.next(); // one task per partition
        JobFiles files = job.value();
        InputPath input = task.input();
        if (task.from() < 0) {
            try (InputStream in = RowReader.open(input, hadoop.value().value(), 0, -1)) {
                ClaimBoundaries.Scan scan = ClaimBoundaries.scan(in, task.offsets());
                String changed =
                        SourceReader.changedWhileRead(
                                RowReader.source(input, files.reading()), scan.bytes());
                return List.of(new Result(input.index(), -1, scan, changed, null)).iterator();
            }
        }
        try (InputStream in = RowReader.open(input, hadoop.value().value(), task.from(), -1)) {
            ClaimBoundaries.Cut cut =
                    ClaimBoundaries.cutAfter(
                            in, task.from(), files.sources().get(input.index()), MAX_CUT_SEARCH);
            return List.of(new Result(input.index(), task.from(), null, null, cut)).iterator();
        }
    }
}
