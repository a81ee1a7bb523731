package org.claimscrubber.batch;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.input.ClaimParser;
import org.claimscrubber.input.ClaimRows;

/**
 * Parses whole claims and gathers them into chunks of about {@link #CHUNK_LINES} rows or {@link
 * #CHUNK_CHARS} characters, whichever comes first, submitting each when full: memory is bounded by
 * bytes, not rows (issue 21: an export of 400 KB cells ran out of memory in chunks of 2,000 rows).
 */
final class Chunker {

    /**
     * Measured on 2 cores: large enough to amortise a session's set-up, small enough to keep memory
     * flat.
     */
    static final int CHUNK_LINES = 2000;

    /**
     * About 32 MB of characters and bytes kept per chunk; an everyday chunk of 2,000 rows holds a
     * fraction of it.
     */
    static final long CHUNK_CHARS = 16L << 20;

    private final OrderedEvaluation evaluation;
    private final ClaimParser parser;
    private List<ClaimParser.ParsedClaim> claims = new ArrayList<>();
    private int rows;
    private long chars;
    private long sequence;

    Chunker(OrderedEvaluation evaluation, ClaimParser parser) {
        this.evaluation = evaluation;
        this.parser = parser;
    }

    void add(ClaimRows claim) throws InterruptedException {
        claims.add(parser.parse(claim));
        rows += claim.rows().size();
        for (ClaimRows.Row row : claim.rows()) {
            chars += size(row);
        }
        if (rows >= CHUNK_LINES || chars >= CHUNK_CHARS) {
            flush();
        }
    }

    /** What a row holds: its cells' characters and its bytes as stored, when kept. */
    private static long size(ClaimRows.Row row) {
        long size = row.record().raw() == null ? 0 : row.record().raw().length;
        for (String cell : row.record().cells()) {
            size += cell.length();
        }
        return size;
    }

    void flush() throws InterruptedException {
        if (!claims.isEmpty()) {
            evaluation.submit(new Chunk(sequence++, claims));
            claims = new ArrayList<>();
            rows = 0;
            chars = 0;
        }
    }
}
