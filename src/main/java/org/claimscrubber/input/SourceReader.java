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
import org.claimscrubber.domain.Printable;

/**
 * Reads one {@link InputSource}: gunzipping a .gz file, hashing and counting as it goes. Public for the Spark
 * job, which reads each input on a worker through the same reader and hands it the stream it opened.
 */
public final class SourceReader implements Closeable {

    private final InputSource source;
    private final CountingInput stored;
    private final InputStream decoded;
    private final ClaimCsvReader csv;
    private final boolean ownsStream;
    private long rows;

    public SourceReader(InputSource source, InputStream standardInput, AtomicLong progress) throws InputFileException {
        this(source, source.open(standardInput), !source.stdin(), progress);
    }

    /**
     * Reads an input another file system opened (HDFS, S3): {@code source} names it and says how to read it,
     * {@code raw} is its bytes as stored. Closing the reader closes the stream.
     */
    public SourceReader(InputSource source, InputStream raw) throws InputFileException {
        this(source, raw, true, new AtomicLong());
    }

    private SourceReader(InputSource source, InputStream raw, boolean ownsStream, AtomicLong progress)
            throws InputFileException {
        this.source = source;
        this.ownsStream = ownsStream;
        this.stored = new CountingInput(new BufferedInputStream(raw, 1 << 16), progress);
        try {
            this.decoded = source.gzip() ? new GZIPInputStream(stored, 1 << 16) : stored;
            this.csv = ClaimCsvReader.open(source.name(), decoded, source.reading());
        } catch (IOException e) {
            closeQuietly(raw);
            throw new InputFileException(source.name() + ": cannot be read"
                    + (source.gzip() ? " as gzip" : "") + ": " + e.getMessage(), e);
        } catch (InputFileException e) {
            closeQuietly(raw);
            throw e;
        }
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
     * Slash dates are read month first (US order). One whose two numbers are both 12 or less could be either order;
     * one whose first number is above 12 is day first, and is rejected. The run says once which order it assumed.
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
     * What was read, for run.json; call after the last record. Bytes a malformed record left unread are
     * read now, so the hash and size are those of the whole file.
     */
    public InputFile stats() throws IOException {
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
            // A cut or corrupt .gz: the reader reported it as a finding; the stored bytes are still hashed whole.
            while (stored.read(rest) >= 0) {
                continue;
            }
        }
        return new InputFile(source.name(), stored.sha256(), stored.bytes(), lines, rows,
                csv.columns().ignored(), csv.columns().missingForRules(), warnings(lines), csv.notClaimRows(),
                csv.notClaimLines());
    }

    /**
     * What the summary and run.json must say about the file, or null: it changed while read, it held no rows, its
     * data lines were read as fewer rows (issue 21: every physical line is accounted for), or which order its slash
     * dates were read in.
     */
    private String warnings(long lines) throws IOException {
        List<String> said = new ArrayList<>();
        String changed = changedWhileRead();
        if (changed != null) {
            said.add(changed);
        }
        long dataLines = lines - 1 - csv.blankLines() - csv.notClaimRows();
        if (rows == 0) {
            said.add("the file has a header and no rows: nothing in it was scrubbed");
        } else if (dataLines != rows) {
            said.add(dataLines + " data lines read as " + rows + " rows (a quoted field that spans lines makes one row"
                    + " of several; every line is in a row or in an INPUT-001 finding)");
        }
        if (dayFirstDates > 0) {
            said.add(dayFirstDates + " dates of service have a first number above 12 (day/month/year order?); slash"
                    + " dates are read as month/day/year, so those rows were rejected");
        } else if (eitherOrderDates > 0) {
            said.add("slash dates were read as month/day/year (US order): " + eitherOrderDates + " of them (e.g. "
                    + Printable.escape(eitherOrderExample) + ") could be read either way, and no date in the file"
                    + " has a first number above 12 to tell");
        }
        return said.isEmpty() ? null : String.join("; ", said);
    }

    /**
     * A file still being written (or truncated) while it was read gives a report on part of it: said, not
     * silent. Compares the size when the run started, the bytes read and the size now.
     */
    private String changedWhileRead() throws IOException {
        if (source.path() == null || source.size() < 0 || !Files.isRegularFile(source.path())) {
            return null;
        }
        long now = Files.size(source.path());
        if (now == source.size() && stored.bytes() == now) {
            return null;
        }
        return "the file changed while it was read (" + source.size() + " bytes when the run started, " + stored.bytes()
                + " read, " + now + " now): the report covers what was read; run again on a complete copy";
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
