package org.claimscrubber.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.claimscrubber.files.WorkFiles;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.input.Column;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.input.SourceReader;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;

/**
 * The pass for inputs whose claims are not grouped: rows are written to partition files by a hash
 * of their claim id, so every claim lands whole in one partition; each partition (a fraction of the
 * input) is then grouped in memory and evaluated, and the partitions' outcomes are merged back into
 * the order in which claims first appear. Memory is bounded by the size of a partition, not of the
 * input.
 */
final class PartitionedPass {

    /** About this much input goes into one partition. */
    static final long BYTES_PER_PARTITION = 16L << 20;

    private final List<InputSource> sources;
    private final Path workDir;
    private final PassContext context;
    private final ReadStats stats;
    private final int partitions;

    PartitionedPass(List<InputSource> sources, Path workDir, PassContext context, ReadStats stats) {
        this.sources = sources;
        this.workDir = workDir;
        this.context = context;
        this.stats = stats;
        this.partitions = partitionsFor(sources);
    }

    /**
     * Enough partitions that each holds about {@link #BYTES_PER_PARTITION} of (uncompressed) input.
     */
    static int partitionsFor(List<InputSource> sources) {
        long bytes = 0;
        for (InputSource source : sources) {
            bytes += Math.max(source.size(), 0) * (source.gzip() ? 6 : 1);
        }
        return (int) Math.min(1024, Math.max(2, bytes / BYTES_PER_PARTITION + 1));
    }

    int partitions() {
        return partitions;
    }

    void run(OutcomeSink sink) throws IOException, InputFileException, InterruptedException {
        WorkFiles.createDirectory(workDir);
        try {
            long start = CpuClock.now();
            split();
            stats.readNanos.addAndGet(CpuClock.now() - start);
            for (int p = 0; p < partitions; p++) {
                evaluatePartition(p);
            }
            long merge = CpuClock.now();
            merge(sink);
            context.writeNanos.addAndGet(CpuClock.now() - merge);
        } finally {
            deleteWorkDir();
        }
    }

    /** Pass 1: every row to the partition of its claim id (a row without one, by its position). */
    private void split() throws IOException, InputFileException {
        DataOutputStream[] outs = new DataOutputStream[partitions];
        try {
            for (int p = 0; p < partitions; p++) {
                outs[p] =
                        new DataOutputStream(
                                new BufferedOutputStream(
                                        WorkFiles.createExclusive(rowsFile(p)), 1 << 16));
            }
            long rowIndex = 0;
            for (int index = 0; index < sources.size(); index++) {
                InputSource source = sources.get(index);
                try (SourceReader reader =
                        new SourceReader(source, InputStream.nullInputStream(), stats.bytes)) {
                    SourceInfo info = SourceInfo.of(index, source.name(), reader);
                    stats.sources.add(info);
                    CsvRecord record;
                    while ((record = reader.next()) != null) {
                        String claimId = info.columns().get(record.cells(), Column.CLAIM_ID);
                        long hash = claimId.isEmpty() ? rowIndex : ClaimIdSet.hash(claimId);
                        Spill.writeRow(
                                outs[(int) Long.remainderUnsigned(hash, partitions)],
                                rowIndex,
                                index,
                                record);
                        rowIndex++;
                        stats.rows.incrementAndGet();
                    }
                    stats.blankLines += reader.blankLines();
                    stats.inputs.add(reader.stats());
                }
            }
        } finally {
            for (DataOutputStream out : outs) {
                if (out != null) {
                    out.close();
                }
            }
        }
    }

    /**
     * Pass 2, one partition: group its rows into claims, evaluate them, write the outcomes in claim
     * order.
     */
    private void evaluatePartition(int p)
            throws IOException, InterruptedException, InputFileException {
        Map<String, ClaimRows> claims = new LinkedHashMap<>();
        try (DataInputStream in = input(rowsFile(p))) {
            Spill.SpilledRow row;
            while ((row = Spill.readRow(in)) != null) {
                SourceInfo source = stats.sources.get(row.source());
                String claimId = source.columns().get(row.record().cells(), Column.CLAIM_ID);
                String key = claimId.isEmpty() ? "\u0000" + row.rowIndex() : claimId;
                long order = row.rowIndex();
                claims.computeIfAbsent(key, k -> ClaimRows.start(claimId, order))
                        .rows()
                        .add(new ClaimRows.Row(source, row.record()));
            }
        }
        Files.delete(rowsFile(p));
        OrderedEvaluation evaluation = context.evaluation();
        Thread producer =
                new Thread(
                        () -> {
                            try {
                                Chunker chunker = new Chunker(evaluation, context.parser());
                                for (ClaimRows claim : claims.values()) {
                                    chunker.add(claim);
                                }
                                chunker.flush();
                                evaluation.finish();
                            } catch (InterruptedException e) {
                                evaluation.fail(e);
                            }
                        },
                        "claim-scrubber-partition-" + p);
        producer.start();
        try (DataOutputStream out =
                new DataOutputStream(
                        new BufferedOutputStream(
                                WorkFiles.createExclusive(outcomesFile(p)), 1 << 16))) {
            // A partition's producer never stops for regrouping: it holds whole claims.
            evaluation.drainTo(outcome -> Spill.writeOutcome(out, outcome), new AtomicLong());
        } finally {
            producer.join();
        }
    }

    /**
     * Pass 3: the partitions' outcomes, each in claim order, merged into one stream in claim order.
     */
    private void merge(OutcomeSink sink) throws IOException {
        List<DataInputStream> ins = new ArrayList<>();
        PriorityQueue<Head> heads =
                new PriorityQueue<>((a, b) -> Long.compare(a.outcome.order(), b.outcome.order()));
        try {
            for (int p = 0; p < partitions; p++) {
                DataInputStream in = input(outcomesFile(p));
                ins.add(in);
                ClaimOutcome first = Spill.readOutcome(in, stats.sources);
                if (first != null) {
                    heads.add(new Head(first, in));
                }
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                sink.accept(head.outcome);
                ClaimOutcome next = Spill.readOutcome(head.in, stats.sources);
                if (next != null) {
                    heads.add(new Head(next, head.in));
                }
            }
        } finally {
            for (DataInputStream in : ins) {
                in.close();
            }
        }
    }

    private record Head(ClaimOutcome outcome, DataInputStream in) {}

    private static DataInputStream input(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private Path rowsFile(int p) {
        return workDir.resolve("rows-" + p + ".bin");
    }

    private Path outcomesFile(int p) {
        return workDir.resolve("outcomes-" + p + ".bin");
    }

    private void deleteWorkDir() throws IOException {
        WorkFiles.delete(workDir);
    }
}
