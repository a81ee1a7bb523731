package org.claimscrubber.batch;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.report.ClaimOutcome;
import org.claimscrubber.report.OutcomeSink;

/**
 * Evaluates chunks on the worker pool while handing their outcomes to the sink strictly in
 * submission order, so the reports are the same whatever the number of threads. At most {@code
 * maxInFlight} chunks are read ahead of the writer, which bounds memory whatever the size of the
 * input.
 */
final class OrderedEvaluation {

    private static final Future<List<ClaimOutcome>> END =
            CompletableFuture.completedFuture(List.of());

    private final ExecutorService pool;
    private final WorkerSessions evaluator;
    private final Semaphore inFlight;
    private final BlockingQueue<Future<List<ClaimOutcome>>> results = new LinkedBlockingQueue<>();
    private final AtomicLong evaluateNanos;
    private volatile Exception producerFailure;
    private volatile String notGroupedAt;
    private volatile boolean cancelled;

    OrderedEvaluation(
            ExecutorService pool,
            WorkerSessions evaluator,
            int maxInFlight,
            AtomicLong evaluateNanos) {
        this.pool = pool;
        this.evaluator = evaluator;
        this.inFlight = new Semaphore(maxInFlight);
        this.evaluateNanos = evaluateNanos;
    }

    /** Producer side: queues a chunk, waiting while too many are in flight. */
    void submit(Chunk chunk) throws InterruptedException {
        inFlight.acquire();
        if (cancelled) {
            throw new InterruptedException("the writer stopped");
        }
        results.add(
                pool.submit(
                        () -> {
                            long start = CpuClock.now();
                            try {
                                return evaluator.evaluate(chunk);
                            } finally {
                                evaluateNanos.addAndGet(CpuClock.now() - start);
                            }
                        }));
    }

    /** Producer side: no more chunks. */
    void finish() {
        results.add(END);
    }

    /**
     * Producer side: no more chunks, because the input is not grouped by claim ({@code where} a
     * claim id came back); the consumer returns that, and the run reads the input again.
     */
    void stopNotGrouped(String where) {
        notGroupedAt = where;
        results.add(END);
    }

    /**
     * Producer side: reading failed; the consumer rethrows this once the chunks before it are
     * written.
     */
    void fail(Exception failure) {
        producerFailure = failure;
        results.add(END);
    }

    /**
     * Consumer side: writes every outcome in order until the producer finishes; rethrows its
     * failure. Returns where the input turned out not to be grouped by claim, if the producer
     * stopped for that.
     */
    Optional<String> drainTo(OutcomeSink sink, AtomicLong writeNanos)
            throws IOException, InputFileException, InterruptedException {
        try {
            while (true) {
                Future<List<ClaimOutcome>> next = results.take();
                if (next == END) {
                    break;
                }
                List<ClaimOutcome> outcomes = await(next);
                long start = CpuClock.now();
                for (ClaimOutcome outcome : outcomes) {
                    sink.accept(outcome);
                }
                writeNanos.addAndGet(CpuClock.now() - start);
                inFlight.release();
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            cancel();
            throw e;
        }
        Exception failure = producerFailure;
        if (failure instanceof InputFileException input) {
            throw input;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof StreamingPass.ReaderFailure reader
                && reader.getCause() instanceof Error error) {
            throw error; // e.g. out of memory: the command line turns it into its own exit code
        }
        if (failure != null) {
            throw new IllegalStateException("reading the input failed", failure);
        }
        return Optional.ofNullable(notGroupedAt);
    }

    /** Stops the producer and discards what is queued. */
    void cancel() {
        cancelled = true;
        inFlight.release(Integer.MAX_VALUE / 2);
        results.forEach(future -> future.cancel(true));
    }

    private static List<ClaimOutcome> await(Future<List<ClaimOutcome>> future)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
