package org.claimscrubber.batch;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.input.ClaimRows;

/** Parses whole claims and gathers them into chunks of about {@link #CHUNK_LINES} rows, submitting each when full. */
final class Chunker {

    /** Measured on 2 cores: large enough to amortise a session's set-up, small enough to keep memory flat. */
    static final int CHUNK_LINES = 2000;

    private final OrderedEvaluation evaluation;
    private final ClaimParser parser;
    private List<ClaimParser.ParsedClaim> claims = new ArrayList<>();
    private int rows;
    private long sequence;

    Chunker(OrderedEvaluation evaluation, boolean keepRows) {
        this.evaluation = evaluation;
        this.parser = new ClaimParser(keepRows);
    }

    void add(ClaimRows claim) throws InterruptedException {
        claims.add(parser.parse(claim));
        rows += claim.rows().size();
        if (rows >= CHUNK_LINES) {
            flush();
        }
    }

    void flush() throws InterruptedException {
        if (!claims.isEmpty()) {
            evaluation.submit(new Chunk(sequence++, claims));
            claims = new ArrayList<>();
            rows = 0;
        }
    }
}
