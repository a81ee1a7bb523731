package org.claimscrubber.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.claimscrubber.input.ColumnMap;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.SourceInfo;

/**
 * Forwards one input's rows for --split: its clean file (rows exactly as stored: the same bytes,
 * encoding, quoting, separator and line ends, so the batch can send them on) or its held file (the
 * same, plus a last {@code held_by} column with the ids of the rules that held the claim). Each
 * input has its own pair of files under its own header line (issue 21: a second input's rows placed
 * under the first one's header lost cells).
 *
 * <p>Two things are not as stored, and both are said in the docs: a last row without a line end
 * gets the header's line end (the rows of a claim are written together, so a row may no longer be
 * the last), and the {@code held_by} column of a reworked held-claims.csv is dropped before its
 * rows are forwarded again (never doubled). A row whose bytes could not be kept (a line over 8 MB,
 * never read) is not written; its INPUT-001 finding names its line.
 */
public final class SplitWriter implements Closeable {

    private final OutputStream out;
    private final boolean held;
    private boolean headerWritten;

    public SplitWriter(OutputStream out, boolean held) {
        this.out = out;
        this.held = held;
    }

    /**
     * @param heldBy rule ids, for the held file; ignored for the clean file
     */
    public void write(SourceInfo source, CsvRecord record, String heldBy) throws IOException {
        writeHeader(source);
        if (record.raw() == null) {
            return;
        }
        byte[] raw = record.raw();
        int end = contentEnd(raw);
        byte[] lineEnd =
                end < raw.length ? Arrays.copyOfRange(raw, end, raw.length) : lineEndOf(source);
        if (source.columns().endsWithHeldBy()) {
            end = lastFieldStart(raw, end, source.separator());
        }
        out.write(raw, 0, end);
        if (held) {
            out.write(source.separator());
            out.write(cell(heldBy, source.separator()));
        }
        out.write(lineEnd);
    }

    /** Writes the input's header line if no row has (an empty file still has its header). */
    public void writeHeader(SourceInfo source) throws IOException {
        if (headerWritten || source.headerLine() == null) {
            return;
        }
        headerWritten = true;
        byte[] header = source.headerLine();
        int end = contentEnd(header);
        if (source.columns().endsWithHeldBy()) {
            end = lastFieldStart(header, end, source.separator());
        }
        out.write(header, 0, end);
        if (held) {
            out.write(source.separator());
            out.write(ColumnMap.HELD_BY.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(lineEndOf(source));
    }

    /**
     * The header's line end (CR LF, LF or CR), which rows without one of their own get; LF when it
     * has none.
     */
    private static byte[] lineEndOf(SourceInfo source) {
        byte[] header = source.headerLine();
        int end = contentEnd(header);
        return end < header.length
                ? Arrays.copyOfRange(header, end, header.length)
                : new byte[] {'\n'};
    }

    /** Where a line's content ends and its line end (CR LF, LF or CR) begins. */
    static int contentEnd(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    /**
     * The offset of the separator before the last field of {@code line[0, end)}, quotes respected.
     */
    static int lastFieldStart(byte[] line, int end, char separator) {
        int last = end;
        boolean quoted = false;
        for (int i = 0; i < end; i++) {
            byte b = line[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == separator && !quoted) {
                last = i;
            }
        }
        return last;
    }

    /** The held_by cell, quoted when it holds the separator (rule ids are joined with ';'). */
    private static byte[] cell(String value, char separator) {
        String text =
                value.indexOf(separator) >= 0 || value.indexOf('"') >= 0
                        ? "\"" + value.replace("\"", "\"\"") + "\""
                        : value;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
