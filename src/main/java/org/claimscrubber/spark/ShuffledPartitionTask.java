package org.claimscrubber.spark;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.claimscrubber.batch.GroupedClaimEvaluator;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.report.Citations;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.FindingsCsvWriter;
import org.claimscrubber.report.OutcomeTally;
import scala.Tuple2;

/**
 * Scrubs one partition of the shuffled rows: the rows arrive sorted by claim id and position, so a
 * claim's rows are consecutive; claims are gathered into chunks of about {@link
 * GroupedClaimEvaluator#CHUNK_LINES} rows and each chunk is evaluated as the local run evaluates
 * one. Lazy: one chunk is in memory at a time.
 */
final class ShuffledPartitionTask
        implements FlatMapFunction<Iterator<Tuple2<ClaimKey, ShuffledRow>>, ScrubbedChunk> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<JobFiles> job;

    ShuffledPartitionTask(Broadcast<JobFiles> job) {
        this.job = job;
    }

    @Override
    public Iterator<ScrubbedChunk> call(Iterator<Tuple2<ClaimKey, ShuffledRow>> rows) {
        JobFiles files = job.value();
        GroupedClaimEvaluator evaluator = WorkerRules.evaluator(files);
        Citations citations = WorkerRules.citations(files);
        return new Iterator<>() {
            private ClaimRows pending;

            @Override
            public boolean hasNext() {
                return pending != null || rows.hasNext();
            }

            @Override
            public ScrubbedChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<ClaimRows> claims = new ArrayList<>();
                int lines = 0;
                while (lines < GroupedClaimEvaluator.CHUNK_LINES
                        && (pending != null || rows.hasNext())) {
                    ClaimRows claim = nextClaim();
                    claims.add(claim);
                    lines += claim.rows().size();
                }
                return scrub(evaluator, citations, claims, files);
            }

            /**
             * The next claim's rows; the row that starts the claim after it is kept for the next
             * call.
             */
            private ClaimRows nextClaim() {
                ClaimRows claim = pending;
                pending = null;
                while (rows.hasNext()) {
                    Tuple2<ClaimKey, ShuffledRow> keyed = rows.next();
                    ClaimKey key = keyed._1();
                    ClaimRows.Row row =
                            new ClaimRows.Row(
                                    files.sources().get(keyed._2().input()), keyed._2().record());
                    if (claim != null
                            && (key.ownClaim() || !key.claimId().equals(claim.claimId()))) {
                        pending = ClaimRows.start(key.claimId(), key.position());
                        pending.rows().add(row);
                        return claim;
                    }
                    if (claim == null) {
                        claim = ClaimRows.start(key.claimId(), key.position());
                    }
                    claim.rows().add(row);
                }
                return claim;
            }
        };
    }

    static ScrubbedChunk scrub(
            GroupedClaimEvaluator evaluator,
            Citations citations,
            List<ClaimRows> claims,
            JobFiles files) {
        OutcomeTally tally = new OutcomeTally(files.settings().holdOn());
        List<Tuple2<FindingKey, String>> findings = new ArrayList<>();
        for (ClaimOutcome outcome : evaluator.evaluate(claims)) {
            tally.add(outcome);
            int index = 0;
            for (Finding finding : outcome.findings()) {
                findings.add(
                        new Tuple2<>(
                                new FindingKey(outcome.order(), index++),
                                csvLine(FindingsCsvWriter.row(finding, citations))));
            }
        }
        return new ScrubbedChunk(findings, tally);
    }

    /**
     * Cells as one findings.csv line (without the line end), written exactly as the local report
     * writes them.
     */
    static String csvLine(String[] cells) {
        StringWriter text = new StringWriter();
        try (ICSVWriter csv = new CSVWriterBuilder(text).withLineEnd("").build()) {
            csv.writeNext(cells, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
