package org.claimscrubber.input;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.util.Arrays;
import org.claimscrubber.files.ContentHash;

/**
 * Where a large uncompressed export can be cut into parts that are read, and scrubbed, where they
 * lie (the Spark job, issue 25). Exports are written claim by claim, so a part starts at a line
 * that begins a claim: the first line after a given byte offset whose claim id differs from the
 * line before it ({@link #cutAfter}). The part before it reads up to that line, so every claim is
 * read by one part, whole.
 *
 * <p>Two things the cut cannot see are checked after the parts are read, and a file that fails
 * either is read whole instead: a quoted field that runs over a line end (then a line start need
 * not be a row start: {@link ReadCounts#spansLines}), and a claim whose rows are not together (a
 * claim id that comes back in another part). A cut in the wrong place therefore costs time, never a
 * finding.
 *
 * <p>A part's line numbers are the file's: {@link #scan} counts the line ends before each nominal
 * offset while it takes the file's hash, and a cut adds the lines from its offset to the claim it
 * found.
 */
public final class ClaimBoundaries {

    /**
     * A part's start: the byte offset of a line that begins a claim, and the line ends between the
     * nominal offset the search began at and that line. {@code offset} is -1 when no claim begins
     * within the bytes searched (a claim larger than that, or the end of the file): the part before
     * then reads on to the next cut.
     */
    public record Cut(long offset, long lineEndsSkipped) implements Serializable {

        static final Cut NONE = new Cut(-1, 0);

        public boolean found() {
            return offset >= 0;
        }
    }

    /** A file's hash and size, and the line ends before each of the offsets asked about. */
    public record Scan(String sha256, long bytes, long[] lineEndsBefore) implements Serializable {}

    private ClaimBoundaries() {}

    /**
     * The first line, after the line that holds byte {@code from}, that starts a claim other than
     * the claim of the line before it (blank lines and rows without a claim id are passed over),
     * read from {@code in}, which starts at {@code from}. Gives up, with {@link Cut#NONE}, after
     * {@code maxBytes}, at the end of the file, or at a line that ends inside a quoted field (its
     * lines cannot be told apart from rows).
     */
    public static Cut cutAfter(InputStream in, long from, SourceInfo file, long maxBytes)
            throws IOException {
        LineSource lines = new LineSource(in, false, 1);
        ICSVParser parser = new RFC4180ParserBuilder().withSeparator(file.separator()).build();
        if (lines.next() == null) { // the line that holds byte `from` belongs to the part before
            return Cut.NONE;
        }
        String previous = null;
        while (lines.position() <= maxBytes) {
            long start = lines.position();
            LineSource.Line line = lines.next();
            if (line == null) {
                return Cut.NONE;
            }
            if (line.tooLong() || line.text().isBlank()) {
                continue;
            }
            int quotes = QuoteState.scan(line.text(), file.separator(), QuoteState.FIELD_START);
            if (quotes == QuoteState.QUOTED) {
                return Cut.NONE;
            }
            if (quotes == QuoteState.STRAY) {
                continue;
            }
            String claimId = file.columns().get(parser.parseLine(line.text()), Column.CLAIM_ID);
            if (claimId.isEmpty()) {
                continue;
            }
            if (previous != null && !claimId.equals(previous)) {
                return new Cut(from + start, line.number() - 1);
            }
            previous = claimId;
        }
        return Cut.NONE;
    }

    /**
     * Reads a file whole: its SHA-256, its size, and for each of {@code offsets} (ascending) the
     * line ends before it, counted as {@link LineSource} counts them ("\n", "\r\n" or a lone "\r").
     * An offset past the end gets -1.
     */
    public static Scan scan(InputStream in, long[] offsets) throws IOException {
        MessageDigest digest = ContentHash.sha256();
        long[] before = new long[offsets.length];
        Arrays.fill(before, -1);
        byte[] buffer = new byte[1 << 16];
        long position = 0;
        long ends = 0;
        boolean lastWasCr = false;
        int next = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
            for (int i = 0; i < n; i++, position++) {
                byte b = buffer[i];
                while (next < offsets.length && offsets[next] == position) {
                    before[next++] = ends + (lastWasCr && b != '\n' ? 1 : 0);
                }
                if (lastWasCr && b != '\n') {
                    ends++;
                }
                lastWasCr = b == '\r';
                if (b == '\n') {
                    ends++;
                }
            }
        }
        if (lastWasCr) {
            ends++;
        }
        while (next < offsets.length && offsets[next] == position) {
            before[next++] = ends;
        }
        return new Scan(ContentHash.hex(digest.digest()), position, before);
    }
}
