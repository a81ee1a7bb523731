package org.claimscrubber.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Physical lines of a file, numbered from 1, each at most {@link #MAX_LINE_CHARS} bytes: a longer
 * line is skipped to its end and reported, so a file without line breaks cannot exhaust memory.
 * Lines end at "\n", "\r\n" or a lone "\r" (old Mac exports), so a file of CR-only line ends is
 * read line by line, not as one header.
 *
 * <p>Lines are split on bytes, then decoded as UTF-8 (a byte that is not UTF-8 reads as U+FFFD).
 * With {@code keepRaw} each line also keeps its bytes as stored, line end included: the clean and
 * held files forward rows byte for byte (issue 21), whatever their encoding, quoting, delimiter or
 * line ends.
 */
final class LineSource implements Closeable {

    /**
     * Comfortably more than any claim row (a 1 MB field included). Bytes of one line, its end
     * excluded.
     */
    static final int MAX_LINE_CHARS = 8 << 20;

    /**
     * A line read; {@code text} is null when the line was longer than the limit. {@code raw} is its
     * bytes with its line end, or null when raw bytes are not kept (or the line was too long).
     */
    record Line(long number, String text, byte[] raw) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final InputStream in;
    private final boolean keepRaw;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long number;

    /**
     * Bytes moved out of the buffer's front, so {@link #position()} counts from the stream's start.
     */
    private long shifted;

    private boolean ended;
    private long crOnlyEnds;

    LineSource(InputStream in, boolean keepRaw) {
        this(in, keepRaw, 1);
    }

    /**
     * Lines of a stream that starts at line {@code firstNumber} of its file (the Spark job reads a
     * large file as several parts, each from a line start whose number it counted).
     */
    LineSource(InputStream in, boolean keepRaw, long firstNumber) {
        this.in = in;
        this.keepRaw = keepRaw;
        this.number = firstNumber - 1;
        this.first = firstNumber;
    }

    private final long first;

    /** Lines read so far. */
    long linesRead() {
        return number - first + 1;
    }

    /** The number the next line will have. */
    long nextNumber() {
        return number + 1;
    }

    /** Bytes of the stream taken by the lines read so far, their line ends included. */
    long position() {
        return shifted + position;
    }

    /** Lines that ended with a lone CR (an old Mac export, or a stray CR inside a row). */
    long crOnlyEnds() {
        return crOnlyEnds;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (ended && position >= limit) {
            return null;
        }
        int scanned = 0; // bytes of the current line already looked at, from position
        long skipped = 0; // bytes of an over-long line dropped so far
        while (true) {
            int i = position + scanned;
            while (i < limit) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    break;
                }
                i++;
            }
            scanned = i - position;
            if (i < limit) {
                byte b = buffer[i];
                if (b == '\r' && i + 1 >= limit && !ended) {
                    // a CR at the end of the buffer: whether an LF follows decides the line end's
                    // length
                    if (!fill()) {
                        continue;
                    }
                    continue;
                }
                int endLength = b == '\r' && i + 1 < limit && buffer[i + 1] == '\n' ? 2 : 1;
                if (b == '\r' && endLength == 1) {
                    crOnlyEnds++;
                }
                return take(scanned, endLength, skipped);
            }
            // no line end in the buffer
            if (scanned + skipped > MAX_LINE_CHARS) {
                skipped += scanned;
                position += scanned;
                scanned = 0;
            }
            if (!fill()) {
                if (scanned == 0 && skipped == 0) {
                    return null;
                }
                return take(scanned, 0, skipped);
            }
        }
    }

    /**
     * The line of {@code length} bytes at {@code position}, followed by a line end of {@code
     * endLength} bytes.
     */
    private Line take(int length, int endLength, long skipped) {
        number++;
        int start = position;
        position += length + endLength;
        if (skipped > 0 || length > MAX_LINE_CHARS) {
            return new Line(number, null, null);
        }
        String text = new String(buffer, start, length, StandardCharsets.UTF_8);
        byte[] raw = keepRaw ? Arrays.copyOfRange(buffer, start, start + length + endLength) : null;
        return new Line(number, text, raw);
    }

    /**
     * Moves the unread bytes to the front and reads more, growing the buffer while one line fills
     * it (up to the line limit); false at the end of the stream.
     */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        if (position > 0) {
            shifted += position;
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_CHARS + (1 << 16)));
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            ended = true;
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
