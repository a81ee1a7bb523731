package org.claimscrubber.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.claimscrubber.input.ClaimParser;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.input.Column;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.input.SourceReader;

/**
 * The usual pass: the inputs are read once, in order, and each claim is complete as soon as the
 * next claim starts, so nothing but the chunks in flight is held in memory. A claim id that
 * reappears after another claim ends the pass early: the reader says where, and the run starts
 * again partitioned by claim id.
 */
final class StreamingPass implements Runnable {

    private final List<InputSource> sources;
    private final InputStream standardInput;
    private final OrderedEvaluation evaluation;
    private final ReadStats stats;
    private final ClaimParser parser;

    StreamingPass(
            List<InputSource> sources,
            InputStream standardInput,
            OrderedEvaluation evaluation,
            ReadStats stats,
            ClaimParser parser) {
        this.parser = parser;
        this.sources = sources;
        this.standardInput = standardInput;
        this.evaluation = evaluation;
        this.stats = stats;
    }

    /** The reader thread died of an Error; the run stops with it. */
    static final class ReaderFailure extends RuntimeException {
        ReaderFailure(Error cause) {
            super("the reader stopped: " + cause.getClass().getSimpleName(), cause);
        }
    }

    /** Runs on the reader thread. */
    @Override
    public void run() {
        long start = CpuClock.now();
        try {
            Optional<String> notGrouped = read();
            if (notGrouped.isPresent()) {
                evaluation.stopNotGrouped(notGrouped.get());
            } else {
                evaluation.finish();
            }
        } catch (InputFileException | IOException | RuntimeException e) {
            evaluation.fail(e);
        } catch (InterruptedException e) {
            evaluation.fail(e);
            Thread.currentThread().interrupt();
        } catch (Error fatal) {
            // Out of memory (or worse) on the reader: the writer must not wait for chunks that
            // never come.
            evaluation.fail(new ReaderFailure(fatal));
            throw fatal;
        } finally {
            stats.readNanos.addAndGet(CpuClock.now() - start);
        }
    }

    /**
     * Reads every input, handing claims to the evaluation as they complete; where a claim id comes
     * back after other claims, stops and says where.
     */
    private Optional<String> read() throws InputFileException, IOException, InterruptedException {
        Chunker chunker = new Chunker(evaluation, parser);
        ClaimIdSet seen = new ClaimIdSet();
        ClaimRows current = null;
        long rowIndex = 0;
        for (int index = 0; index < sources.size(); index++) {
            InputSource source = sources.get(index);
            try (SourceReader reader = new SourceReader(source, standardInput, stats.bytes)) {
                SourceInfo info = SourceInfo.of(index, source.name(), reader);
                stats.sources.add(info);
                CsvRecord record;
                while ((record = reader.next()) != null) {
                    String claimId = info.columns().get(record.cells(), Column.CLAIM_ID);
                    if (current == null
                            || claimId.isEmpty()
                            || !claimId.equals(current.claimId())) {
                        if (current != null) {
                            chunker.add(current);
                        }
                        if (!claimId.isEmpty() && !seen.add(claimId)) {
                            return Optional.of(
                                    "claim "
                                            + claimId
                                            + " reappears at "
                                            + source.name()
                                            + ":"
                                            + record.line()
                                            + " after other claims");
                        }
                        current = ClaimRows.start(claimId, rowIndex);
                    }
                    current.rows().add(new ClaimRows.Row(info, record));
                    rowIndex++;
                    stats.rows.incrementAndGet();
                }
                stats.blankLines += reader.blankLines();
                stats.inputs.add(reader.stats());
            }
        }
        if (current != null) {
            chunker.add(current);
        }
        chunker.flush();
        return Optional.empty();
    }
}
