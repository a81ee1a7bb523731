package org.claimscrubber.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;
import org.claimscrubber.files.ContentHash;

/**
 * Passes a file's bytes through while taking their SHA-256 and counting them (for run.json and for
 * progress), so the file is read once.
 */
public final class CountingInput extends FilterInputStream {

    /** Null when only counting (a part of a file, whose hash would mean nothing). */
    private final MessageDigest digest;

    private final AtomicLong progress;
    private long bytes;

    /**
     * @param progress a counter bytes are added to as they pass, for progress reports
     */
    public CountingInput(InputStream in, AtomicLong progress) {
        this(in, progress, true);
    }

    CountingInput(InputStream in, AtomicLong progress, boolean hashing) {
        super(in);
        this.progress = progress;
        this.digest = hashing ? ContentHash.sha256() : null;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && digest != null) {
            digest.update((byte) b);
        }
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && digest != null) {
            digest.update(buffer, offset, n);
        }
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        bytes += n;
        progress.addAndGet(n);
    }

    public long bytes() {
        return bytes;
    }

    public String sha256() {
        if (digest == null) {
            throw new IllegalStateException("bytes counted, not hashed");
        }
        return ContentHash.hex(digest.digest());
    }
}
