package org.claimscrubber.report;

import java.io.IOException;

/** Receives scrubbed claims one by one, in the order their first rows appear in the input. */
public interface OutcomeSink {

    void accept(ClaimOutcome outcome) throws IOException;

    /**
     * A sink that hands each outcome to {@code first}, then to {@code second}, and restarts both.
     */
    static Restartable both(Restartable first, Restartable second) {
        return new Restartable() {
            @Override
            public void accept(ClaimOutcome outcome) throws IOException {
                first.accept(outcome);
                second.accept(outcome);
            }

            @Override
            public void restart() throws IOException {
                first.restart();
                second.restart();
            }
        };
    }

    /** A sink the scrubber can restart when it has to begin again in a partitioned pass. */
    interface Restartable extends OutcomeSink {
        /** Forgets everything accepted so far. */
        void restart() throws IOException;
    }
}
