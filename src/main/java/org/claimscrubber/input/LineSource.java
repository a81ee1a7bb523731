package org.claimscrubber.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of a text, numbered from 1, each at most {@link #MAX_LINE_CHARS} characters: a longer
 * line is skipped to its end and reported, so a file without line breaks cannot exhaust memory. Lines
 * end at "\n" or "\r\n".
 */
final class LineSource implements Closeable {

    /** Comfortably more than any claim row (a 1 MB field included). */
    static final int MAX_LINE_CHARS = 8 << 20;

    /** A line read; {@code text} is null when the line was longer than the limit. */
    record Line(long number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long number;
    private boolean ended;

    LineSource(Reader in) {
        this.in = in;
    }

    /** Lines read so far. */
    long linesRead() {
        return number;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        StringBuilder text = null;
        boolean tooLong = false;
        while (true) {
            if (position >= limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    ended = true;
                    limit = 0;
                    if (text == null && !tooLong) {
                        return null;
                    }
                    return line(text, tooLong);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            boolean endOfLine = position < limit;
            int length = position - start;
            if (!tooLong) {
                if (text == null && endOfLine) {
                    position++;
                    number++;
                    int end = length > 0 && buffer[start + length - 1] == '\r' ? length - 1 : length;
                    return new Line(number, new String(buffer, start, end)); // the usual case: one copy
                }
                if (text == null) {
                    text = new StringBuilder(Math.max(length * 2, 128));
                }
                if (text.length() + length > MAX_LINE_CHARS) {
                    tooLong = true;
                    text = null;
                } else {
                    text.append(buffer, start, length);
                }
            }
            if (endOfLine) {
                position++;
                return line(text, tooLong);
            }
        }
    }

    private Line line(StringBuilder text, boolean tooLong) {
        number++;
        if (tooLong) {
            return new Line(number, null);
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return new Line(number, text.substring(0, end));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
