package org.claimscrubber.history;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The history's own threads (opening, key reading, inserting): a task's result or its failure. */
final class Tasks {

    private Tasks() {}

    /**
     * The task's result; its failure rethrown as it was thrown when it is a {@code checked} or
     * unchecked exception, else wrapped.
     */
    static <T, E extends Exception> T result(Future<T> task, Class<E> checked)
            throws E, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (checked.isInstance(cause)) {
                throw checked.cast(cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
