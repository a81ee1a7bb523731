package org.claimscrubber.batch;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress for long runs, on standard error once a second: rows read, rows per second, time elapsed
 * and, when the input size is known, the time left. Counts only; never claim data.
 */
public final class Progress implements AutoCloseable {

    private final PrintWriter err;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private volatile ReadStats stats;
    private final Thread ticker;
    private volatile boolean printed;

    /**
     * @param totalBytes the inputs' stored size, or -1 when unknown (standard input)
     */
    public Progress(PrintWriter err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.ticker = new Thread(this::tick, "claim-scrubber-progress");
        ticker.setDaemon(true);
    }

    void watch(ReadStats stats) {
        this.stats = stats;
        if (!ticker.isAlive()) {
            ticker.start();
        }
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                print();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void print() {
        ReadStats current = stats;
        if (current == null) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = current.rows.get();
        long bytes = current.bytes.get();
        String eta = "";
        if (totalBytes > 0 && bytes > 0 && bytes < totalBytes) {
            eta = "  ETA " + clock((long) (seconds * (totalBytes - bytes) / bytes));
        }
        err.printf(
                "\r%,d rows  %,d rows/s  elapsed %s%s   ",
                rows, (long) (rows / Math.max(seconds, 1e-3)), clock((long) seconds), eta);
        err.flush();
        printed = true;
    }

    private boolean closed;

    private static String clock(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            // closed by the command and again by try-with-resources: print the last line once
            return;
        }
        closed = true;
        ticker.interrupt();
        // The last state is always shown, so even a run shorter than a tick ends with its count and
        // time.
        print();
        if (printed) {
            err.println();
            err.flush();
        }
    }
}
