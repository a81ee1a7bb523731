package org.claimscrubber.report;

import java.io.IOException;

/** Receives scrubbed claims one by one, in the order their first rows appear in the input. */
public interface OutcomeSink {

    void accept(ClaimOutcome outcome) throws IOException;

    /** A sink the scrubber can restart when it has to begin again in a partitioned pass. */
    interface Restartable extends OutcomeSink {
        /** Forgets everything accepted so far. */
        void restart() throws IOException;
    }
}
