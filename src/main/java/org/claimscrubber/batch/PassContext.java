package org.claimscrubber.batch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.claimscrubber.input.ClaimParser;
import org.claimscrubber.input.PatientKeyer;

/**
 * What every pass over the input shares: the rule workers and their evaluator, how many chunks may
 * be in flight, whether rows are kept (--split), and the busy-time counters the run reports. One
 * per run, instead of passing each of these by hand.
 */
final class PassContext {

    final ExecutorService pool;
    final WorkerSessions evaluator;
    final int maxInFlight;
    final boolean keepRows;
    final AtomicLong evaluateNanos = new AtomicLong();
    final AtomicLong writeNanos = new AtomicLong();

    /**
     * Chunks in flight per worker: enough to keep workers busy while the writer waits for the next
     * in order.
     */
    private static final int CHUNKS_IN_FLIGHT_PER_WORKER = 4;

    final PatientKeyer patientKeys;

    PassContext(
            ExecutorService pool,
            WorkerSessions evaluator,
            int workers,
            boolean keepRows,
            PatientKeyer patientKeys) {
        this.patientKeys = patientKeys;
        this.pool = pool;
        this.evaluator = evaluator;
        this.maxInFlight = Math.max(1, workers) * CHUNKS_IN_FLIGHT_PER_WORKER;
        this.keepRows = keepRows;
    }

    /** A new ordered evaluation on the shared workers. */
    OrderedEvaluation evaluation() {
        return new OrderedEvaluation(pool, evaluator, maxInFlight, evaluateNanos);
    }

    /** A parser for one reading thread (parsers cache and are not thread-safe). */
    ClaimParser parser() {
        return new ClaimParser(keepRows, patientKeys);
    }
}
