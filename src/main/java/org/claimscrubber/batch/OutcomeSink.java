package org.claimscrubber.batch;

import java.io.IOException;

/** Receives scrubbed claims one by one, in the order their first rows appear in the input. */
public interface OutcomeSink {
    void accept(ClaimOutcome outcome) throws IOException;
}
