package org.claimscrubber.history;

import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A history being opened on a thread of its own while the run sets up its rules and facts: opening
 * reads every earlier night's keys (about 2 s at 30 nights of a million lines), setting up loads
 * the reference data and compiles the rules (about 1 s), and neither needs the other.
 *
 * <p>The run takes the store with {@link #get} and closes it as before. A run that fails before it
 * takes the store calls {@link #discard}, which does not wait (the opening may be waiting its turn
 * at the history): the store is closed as soon as it is open, so no transaction is left holding the
 * history.
 */
public final class HistoryOpening {

    private final FutureTask<HistoryStore> task;

    /** Guarded by this. */
    private HistoryStore opened;

    /** Guarded by this. */
    private boolean discarded;

    private HistoryOpening(HistoryStore.Options options, LocalDate runDate, String runId) {
        this.task =
                options == null
                        ? null
                        : new FutureTask<>(
                                () -> {
                                    HistoryStore store = HistoryStore.open(options, runDate, runId);
                                    synchronized (this) {
                                        if (discarded) {
                                            store.close();
                                        } else {
                                            opened = store;
                                        }
                                    }
                                    return store;
                                });
    }

    /** Starts opening the history of {@code options}, or nothing when it is null. */
    public static HistoryOpening start(
            HistoryStore.Options options, LocalDate runDate, String runId) {
        HistoryOpening opening = new HistoryOpening(options, runDate, runId);
        if (opening.task != null) {
            Thread thread = new Thread(opening.task, "history-open");
            thread.setDaemon(true);
            thread.start();
        }
        return opening;
    }

    /** The opened store, once it is; null without a history. The caller closes it. */
    public HistoryStore get() throws HistoryException {
        if (task == null) {
            return null;
        }
        HistoryStore store = await();
        synchronized (this) {
            opened = null; // the caller's now
        }
        return store;
    }

    /**
     * Closes the store if the run did not take it: now if it is open, else when it opens. Does not
     * wait.
     */
    public synchronized void discard() {
        discarded = true;
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    /** Waits until the opening is over, opened or failed (for the tests). */
    void settle() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // failed: settled
        }
    }

    private HistoryStore await() throws HistoryException {
        try {
            return Tasks.result(task, HistoryException.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException("interrupted while opening the history", e);
        }
    }
}
