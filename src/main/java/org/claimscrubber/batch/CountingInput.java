package org.claimscrubber.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.claimscrubber.files.ContentHash;

/** Passes bytes through while taking their SHA-256 and counting bytes and lines, so a file is read once. */
final class CountingInput extends FilterInputStream {

    private final MessageDigest digest = ContentHash.sha256();
    private long bytes;
    private long newlines;
    private int lastByte = -1;

    CountingInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            for (int i = offset; i < offset + n; i++) {
                count(buffer[i]);
            }
        }
        return n;
    }

    private void count(byte b) {
        bytes++;
        if (b == '\n') {
            newlines++;
        }
        lastByte = b;
    }

    long bytes() {
        return bytes;
    }

    /** Physical lines: newlines, plus one for a last line without a newline. */
    long lines() {
        return newlines + (bytes > 0 && lastByte != '\n' ? 1 : 0);
    }

    String sha256() {
        return ContentHash.hex(digest.digest());
    }
}
