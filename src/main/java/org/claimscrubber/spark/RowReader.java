package org.claimscrubber.spark;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.claimscrubber.input.Column;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.ReadOptions;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.input.SourceReader;
import scala.Tuple2;

/**
 * Reads one input on a worker with the local run's reader, and keys each row by its claim. A file
 * is read by one task: CSV with quoted line breaks cannot be split safely at byte offsets, and gzip
 * cannot be split at all, so the job's read parallelism is its number of input files. What the
 * reading saw (hash, lines, blank lines) goes to the driver through an accumulator.
 */
final class RowReader implements PairFlatMapFunction<InputPath, ClaimKey, ShuffledRow> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<JobFiles> job;
    private final CollectionAccumulator<FileStats> stats;
    private final Broadcast<SerializableConfiguration> hadoop;

    /**
     * @param hadoop the job's Hadoop configuration, shipped to the executors, so the spark.hadoop.*
     *     settings (s3a credentials, HDFS client settings) reach the tasks that open the inputs
     */
    RowReader(
            Broadcast<JobFiles> job,
            CollectionAccumulator<FileStats> stats,
            Broadcast<SerializableConfiguration> hadoop) {
        this.job = job;
        this.stats = stats;
        this.hadoop = hadoop;
    }

    /**
     * Opens an input on the file system its path names. A local file is opened as a file, not
     * through Hadoop's checksum file system: that one looks for a {@code .crc} file beside it (a
     * stale one failed the read, and a name with ':' could not even form the .crc's name), and an
     * export has none.
     */
    static InputStream open(InputPath input, Configuration conf) throws IOException {
        Path path = new Path(input.uri());
        if ("file".equals(path.toUri().getScheme())) {
            return Files.newInputStream(java.nio.file.Path.of(path.toUri()));
        }
        return path.getFileSystem(conf).open(path);
    }

    /**
     * Bytes {@code start} to {@code end} of an uncompressed input ({@code end} -1: to the end of
     * the file), for a task that reads one part of it.
     */
    static InputStream open(InputPath input, Configuration conf, long start, long end)
            throws IOException {
        Path path = new Path(input.uri());
        InputStream in;
        if ("file".equals(path.toUri().getScheme())) {
            FileChannel channel = FileChannel.open(java.nio.file.Path.of(path.toUri()));
            channel.position(start);
            in = Channels.newInputStream(channel);
        } else {
            FSDataInputStream stream = path.getFileSystem(conf).open(path);
            stream.seek(start);
            in = stream;
        }
        return end < 0 ? in : new Range(in, end - start);
    }

    /** The first {@code left} bytes of a stream. */
    private static final class Range extends FilterInputStream {
        private long left;

        Range(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            left -= Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }

    /**
     * The input as the local reader takes it: named as given, read with the run's separator and
     * column names, with the size the driver saw when the job started. A local file keeps its path,
     * so a file that grew or shrank while it was read is said to have changed, as {@code run} says
     * it (Hadoop file systems: HDFS files are rarely appended to, S3 objects never change in
     * place).
     */
    static InputSource source(InputPath input, ReadOptions reading) {
        URI uri = new Path(input.uri()).toUri();
        java.nio.file.Path local =
                "file".equals(uri.getScheme()) ? java.nio.file.Path.of(uri) : null;
        return new InputSource(input.name(), local, input.size(), reading);
    }

    @Override
    public Iterator<Tuple2<ClaimKey, ShuffledRow>> call(InputPath input)
            throws IOException, InputFileException {
        JobFiles files = job.value();
        SourceInfo info = files.sources().get(input.index());
        SourceReader reader =
                new SourceReader(
                        source(input, files.reading()), open(input, hadoop.value().value()));
        return new Iterator<>() {
            private CsvRecord next = reader.next();
            private boolean finished;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) {
                    finish();
                }
                return next != null;
            }

            @Override
            public Tuple2<ClaimKey, ShuffledRow> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRecord record = next;
                String claimId = info.columns().get(record.cells(), Column.CLAIM_ID);
                Tuple2<ClaimKey, ShuffledRow> keyed =
                        new Tuple2<>(
                                new ClaimKey(
                                        claimId, ClaimKey.position(input.index(), record.line())),
                                new ShuffledRow(input.index(), record));
                next = reader.next();
                return keyed;
            }

            /**
             * At the end of the file: what reading it saw goes to the driver, and the file is
             * closed.
             */
            private void finish() {
                finished = true;
                try (reader) {
                    stats.add(new FileStats(input.index(), reader.stats(), reader.blankLines()));
                } catch (IOException e) {
                    throw new UncheckedIOException(input.name() + ": cannot be read to its end", e);
                }
            }
        };
    }
}
