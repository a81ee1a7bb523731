package org.claimscrubber.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.claimscrubber.batch.GroupedClaimEvaluator;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.input.Column;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.InputFile;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.ReadCounts;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.input.SourceReader;
import org.claimscrubber.report.Citations;
import org.claimscrubber.report.OutcomeTally;

/**
 * Reads one {@link Part} of an input and scrubs its claims where it was read, with no shuffle: a
 * claim's rows are consecutive in an export written claim by claim, and a part starts at a claim's
 * first row. Claims are gathered into chunks of about {@link GroupedClaimEvaluator#CHUNK_LINES}
 * rows and evaluated as the local run evaluates a chunk; one chunk is in memory at a time. The last
 * element is the part's {@link PartSummary}, which says whether that assumption held; where it did
 * not, the driver drops these results and scrubs the file through the shuffle.
 */
final class PartTask implements FlatMapFunction<Iterator<Part>, ScrubbedChunk> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<JobFiles> job;
    private final Broadcast<SerializableConfiguration> hadoop;

    PartTask(Broadcast<JobFiles> job, Broadcast<SerializableConfiguration> hadoop) {
        this.job = job;
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<ScrubbedChunk> call(Iterator<Part> parts)
            throws IOException, InputFileException {
        Part part = parts.next(); // one part per partition
        JobFiles files = job.value();
        SourceInfo info = files.sources().get(part.input().index());
        InputSource source = RowReader.source(part.input(), files.reading());
        SourceReader reader =
                part.index() == 0
                        ? new SourceReader(
                                source,
                                RowReader.open(part.input(), hadoop.value().value(), 0, part.end()))
                        : SourceReader.part(
                                source,
                                RowReader.open(
                                        part.input(),
                                        hadoop.value().value(),
                                        part.start(),
                                        part.end()),
                                info,
                                part.firstLine());
        GroupedClaimEvaluator evaluator = WorkerRules.evaluator(files);
        Citations citations = WorkerRules.citations(files);
        int input = part.input().index();
        return new Iterator<>() {
            private CsvRecord next = reader.next();
            private final ClaimIds claimIds = new ClaimIds();
            private boolean summarised;

            @Override
            public boolean hasNext() {
                return next != null || !summarised;
            }

            @Override
            public ScrubbedChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (next == null) {
                    summarised = true;
                    return new ScrubbedChunk(
                            List.of(),
                            new OutcomeTally(files.settings().holdOn()),
                            input,
                            summary());
                }
                List<ClaimRows> claims = new ArrayList<>();
                int lines = 0;
                while (lines < GroupedClaimEvaluator.CHUNK_LINES && next != null) {
                    ClaimRows claim = nextClaim();
                    claims.add(claim);
                    lines += claim.rows().size();
                }
                ScrubbedChunk scrubbed =
                        ShuffledPartitionTask.scrub(evaluator, citations, claims, files);
                return new ScrubbedChunk(scrubbed.findings(), scrubbed.tally(), input, null);
            }

            /**
             * The rows of the claim that starts at the next record: the records after it with its
             * claim id.
             */
            private ClaimRows nextClaim() {
                CsvRecord first = next;
                String claimId = info.columns().get(first.cells(), Column.CLAIM_ID);
                ClaimRows claim = ClaimRows.start(claimId, ClaimKey.position(input, first.line()));
                claim.rows().add(new ClaimRows.Row(info, first));
                next = reader.next();
                if (claimId.isEmpty()) {
                    return claim; // a row without a claim id is a claim of its own
                }
                claimIds.add(claimId);
                while (next != null
                        && claimId.equals(info.columns().get(next.cells(), Column.CLAIM_ID))) {
                    claim.rows().add(new ClaimRows.Row(info, next));
                    next = reader.next();
                }
                return claim;
            }

            private PartSummary summary() {
                try (reader) {
                    long[] claims = claimIds.sorted();
                    boolean grouped = !claimIds.repeats(claims);
                    ReadCounts counts = reader.counts();
                    InputFile file = part.whole() ? reader.stats(counts) : null;
                    return new PartSummary(part, counts, file, grouped, claims);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            part.input().name() + ": cannot be read to its end", e);
                }
            }
        };
    }

    /** The 64-bit hashes of a part's claim ids, one per run of rows of a claim. */
    static final class ClaimIds {
        private long[] hashes = new long[1024];
        private int size;

        void add(String claimId) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash(claimId);
        }

        long[] sorted() {
            long[] sorted = Arrays.copyOf(hashes, size);
            Arrays.sort(sorted);
            return sorted;
        }

        /**
         * Whether a claim id came back after another claim began (or two ids share a hash: then
         * too, to be safe).
         */
        boolean repeats(long[] sorted) {
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return true;
                }
            }
            return false;
        }

        /** FNV-1a over the id's characters, then mixed (SplitMix64's finaliser). */
        static long hash(String claimId) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < claimId.length(); i++) {
                h ^= claimId.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }
    }
}
