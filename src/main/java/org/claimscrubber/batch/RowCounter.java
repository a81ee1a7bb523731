package org.claimscrubber.batch;

import org.claimscrubber.report.RunManifest;

/** Counts data rows as they are read; every row read is counted once as scrubbed or rejected. */
final class RowCounter {

    private long scrubbed;
    private long rejected;
    private long blankLines;

    void scrubbed() {
        scrubbed++;
    }

    void rejected() {
        rejected++;
    }

    void blankLines(long count) {
        blankLines += count;
    }

    long read() {
        return scrubbed + rejected;
    }

    RunManifest.RowCounts counts() {
        return new RunManifest.RowCounts(read(), scrubbed, rejected, blankLines);
    }
}
