package org.claimscrubber.input;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.claimscrubber.domain.ControlChars;

/**
 * Reads one {@link InputSource}: gunzipping a .gz file, hashing and counting as it goes. Public for
 * the Spark job, which reads each input on a worker through the same reader and hands it the stream
 * it opened.
 */
public final class SourceReader implements Closeable {

    private final InputSource source;
    private final CountingInput stored;
    private final InputStream decoded;
    private final ClaimCsvReader csv;
    private final boolean ownsStream;
    private long rows;

    public SourceReader(InputSource source, InputStream standardInput, AtomicLong progress)
            throws InputFileException {
        this(source, source.open(standardInput), !source.stdin(), progress);
    }

    /**
     * Reads an input another file system opened (HDFS, S3): {@code source} names it and says how to
     * read it, {@code raw} is its bytes as stored. Closing the reader closes the stream.
     */
    public SourceReader(InputSource source, InputStream raw) throws InputFileException {
        this(source, raw, true, new AtomicLong());
    }

    private SourceReader(
            InputSource source, InputStream raw, boolean ownsStream, AtomicLong progress)
            throws InputFileException {
        this.source = source;
        this.ownsStream = ownsStream;
        this.stored = new CountingInput(new BufferedInputStream(raw, 1 << 16), progress);
        try {
            this.decoded = source.gzip() ? new GZIPInputStream(stored, 1 << 16) : stored;
            this.csv = ClaimCsvReader.open(source.name(), decoded, source.reading());
        } catch (IOException e) {
            closeQuietly(raw);
            throw new InputFileException(
                    source.name()
                            + ": cannot be read"
                            + (source.gzip() ? " as gzip" : "")
                            + ": "
                            + e.getMessage(),
                    e);
        } catch (InputFileException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    /**
     * Reads a part of an uncompressed input that starts at a line start below its header: {@code
     * raw} is its bytes from there to the part's end, {@code firstLine} the number of its first
     * line in the file, {@code file} what the header said. Its {@link #counts()} are the part's;
     * the file's hash is taken by whoever reads it whole.
     */
    public static SourceReader part(
            InputSource source, InputStream raw, SourceInfo file, long firstLine) {
        return new SourceReader(source, raw, file, firstLine);
    }

    private SourceReader(InputSource source, InputStream raw, SourceInfo file, long firstLine) {
        this.source = source;
        this.ownsStream = true;
        this.stored =
                new CountingInput(new BufferedInputStream(raw, 1 << 16), new AtomicLong(), false);
        this.decoded = stored;
        this.csv = ClaimCsvReader.part(decoded, source.reading(), file, firstLine);
    }

    public ColumnMap columns() {
        return csv.columns();
    }

    public String[] header() {
        return csv.header();
    }

    /** The header line as stored, when rows are forwarded (else null). */
    public byte[] headerRaw() {
        return csv.headerRaw();
    }

    public char separator() {
        return csv.separator();
    }

    /** The next record, or null at the end. */
    public CsvRecord next() {
        CsvRecord record = csv.next();
        if (record != null) {
            rows++;
            if (!record.isMalformed()) {
                noteDateOrder(csv.columns().get(record.cells(), Column.DATE_OF_SERVICE));
            }
        }
        return record;
    }

    /**
     * Slash dates are read month first (US order). One whose two numbers are both 12 or less could
     * be either order; one whose first number is above 12 is day first, and is rejected. The run
     * says once which order it assumed.
     */
    private void noteDateOrder(String date) {
        int slash = date.indexOf('/');
        if (slash < 1) {
            return;
        }
        int second = date.indexOf('/', slash + 1);
        if (second < 0) {
            return;
        }
        try {
            int first = Integer.parseInt(date, 0, slash, 10);
            int middle = Integer.parseInt(date, slash + 1, second, 10);
            if (first > 12 && middle <= 12) {
                dayFirstDates++;
            } else if (first <= 12 && middle <= 12 && first != middle) {
                eitherOrderDates++;
                if (eitherOrderExample == null) {
                    eitherOrderExample = date;
                }
            }
        } catch (NumberFormatException notANumber) {
            // not a date at all: its row's own finding says so
        }
    }

    private long eitherOrderDates;
    private long dayFirstDates;
    private String eitherOrderExample;

    public long blankLines() {
        return csv.blankLines();
    }

    /**
     * What was read, for run.json; call after the last record. Bytes a malformed record left unread
     * are read now, so the hash and size are those of the whole file.
     */
    public InputFile stats() throws IOException {
        return stats(counts());
    }

    /** The same, from the {@link #counts()} already taken. */
    public InputFile stats(ReadCounts counts) throws IOException {
        return describe(
                source,
                stored.sha256(),
                stored.bytes(),
                counts,
                csv.columns(),
                changedWhileRead(source, stored.bytes()));
    }

    /**
     * What reading this file, or this part of it, counted; call after the last record. Lines a
     * malformed record left unread are read now and counted.
     */
    public ReadCounts counts() throws IOException {
        long lines = csv.linesRead();
        byte[] rest = new byte[1 << 16];
        int n;
        try {
            while ((n = decoded.read(rest)) >= 0) {
                for (int i = 0; i < n; i++) {
                    lines += rest[i] == '\n' ? 1 : 0;
                }
            }
        } catch (IOException brokenCompression) {
            // A cut or corrupt .gz: the reader reported it as a finding; the stored bytes are still
            // hashed whole.
            while (stored.read(rest) >= 0) {
                continue;
            }
        }
        return new ReadCounts(
                lines,
                rows,
                csv.blankLines(),
                csv.notClaimRows(),
                csv.notClaimLines(),
                dayFirstDates,
                eitherOrderDates,
                eitherOrderExample,
                csv.spansLines());
    }

    /** The bytes read so far, as stored. */
    public long bytesRead() {
        return stored.bytes();
    }

    /**
     * A file's entry in run.json, from what reading it counted (in one reading, or added up over
     * its parts).
     *
     * @param changed what {@link #changedWhileRead} said, or null
     */
    public static InputFile describe(
            InputSource source,
            String sha256,
            long bytes,
            ReadCounts counts,
            ColumnMap columns,
            String changed) {
        return new InputFile(
                source.name(),
                sha256,
                bytes,
                counts.lines(),
                counts.rows(),
                columns.ignored(),
                columns.missingForRules(),
                warnings(counts, changed),
                counts.notClaimRows(),
                counts.notClaimLines());
    }

    /**
     * What the summary and run.json must say about the file, or null: it changed while read, it
     * held no rows, its data lines were read as fewer rows (issue 21: every physical line is
     * accounted for), or which order its slash dates were read in.
     */
    private static String warnings(ReadCounts counts, String changed) {
        List<String> said = new ArrayList<>();
        if (changed != null) {
            said.add(changed);
        }
        long dataLines = counts.lines() - 1 - counts.blankLines() - counts.notClaimRows();
        if (counts.rows() == 0) {
            said.add("the file has a header and no rows: nothing in it was scrubbed");
        } else if (dataLines != counts.rows()) {
            said.add(
                    dataLines
                            + " data lines read as "
                            + counts.rows()
                            + " rows (a quoted field that spans lines makes"
                            + " one row of several; every line is in a row or in an INPUT-001 finding)");
        }
        if (counts.dayFirstDates() > 0) {
            said.add(
                    counts.dayFirstDates()
                            + " dates of service have a first number above 12 (day/month/year order?);"
                            + " slash dates are read as month/day/year, so those rows were rejected");
        } else if (counts.eitherOrderDates() > 0) {
            said.add(
                    "slash dates were read as month/day/year (US order): "
                            + counts.eitherOrderDates()
                            + " of them"
                            + " (e.g. "
                            + ControlChars.escape(counts.eitherOrderExample())
                            + ") could be read either way, and no"
                            + " date in the file has a first number above 12 to tell");
        }
        return said.isEmpty() ? null : String.join("; ", said);
    }

    /**
     * A file still being written (or truncated) while it was read gives a report on part of it:
     * said, not silent. Compares the size when the run started, the bytes read and the size now;
     * null when they agree (or the input is not a local file).
     */
    public static String changedWhileRead(InputSource source, long bytesRead) throws IOException {
        if (source.path() == null || source.size() < 0 || !Files.isRegularFile(source.path())) {
            return null;
        }
        long now = Files.size(source.path());
        if (now == source.size() && bytesRead == now) {
            return null;
        }
        return "the file changed while it was read ("
                + source.size()
                + " bytes when the run started, "
                + bytesRead
                + " read, "
                + now
                + " now): the report covers what was read; run again on a complete copy";
    }

    @Override
    public void close() throws IOException {
        if (ownsStream) {
            csv.close();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // abandoning the file; the error that made us abandon it is the one reported
        }
    }
}
