package org.claimscrubber.input;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.claimscrubber.files.WorkFiles;

/**
 * Standard input can be read only once, so while the streaming pass reads it, a copy goes to a
 * file; if the input turns out not to be grouped by claim, the partitioned pass reads the copy.
 */
public final class StdinSpool {

    private final InputStream stdin;
    private final Path file;
    private final OutputStream copy;

    public StdinSpool(InputStream stdin, Path file) throws IOException {
        this.stdin = stdin;
        this.file = file;
        WorkFiles.createFile(file);
        this.copy = new BufferedOutputStream(WorkFiles.createExclusive(file), 1 << 16);
    }

    /** Standard input, copied to the spool as it is read. */
    public InputStream tee() {
        return new FilterInputStream(stdin) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    copy.write(buffer, offset, n);
                }
                return n;
            }

            @Override
            public void close() {
                // standard input stays open; the spool is closed by complete() or discard()
            }
        };
    }

    /** Copies what the streaming pass did not read, and returns the complete copy. */
    public Path complete() throws IOException {
        stdin.transferTo(copy);
        copy.close();
        return file;
    }

    public void discard() throws IOException {
        copy.close();
        WorkFiles.delete(file);
    }
}
