package org.claimscrubber.input;

import java.io.Serializable;

/**
 * One record of a CSV file: its cells and the physical line it starts on. A record that could not
 * be read says why in {@code malformed}, and keeps the cells read before the fault (which may name
 * its claim).
 *
 * @param raw the record's bytes as stored, line ends included, when the run forwards rows
 *     (--split); else null
 */
public record CsvRecord(
        String[] cells, long line, String malformed, boolean oddCharacters, byte[] raw)
        implements Serializable {

    public static CsvRecord of(String[] cells, long line) {
        return new CsvRecord(cells, line, null, false, null);
    }

    /**
     * A record whose text holds U+FFFD (bytes that were not UTF-8) or NUL, which its parser looks
     * for.
     */
    public static CsvRecord of(String[] cells, long line, boolean oddCharacters) {
        return new CsvRecord(cells, line, null, oddCharacters, null);
    }

    public static CsvRecord malformed(long line, String why) {
        return new CsvRecord(new String[0], line, why, false, null);
    }

    public static CsvRecord malformed(long line, String why, String[] cellsBeforeTheFault) {
        return new CsvRecord(cellsBeforeTheFault, line, why, false, null);
    }

    /** The same record with its bytes as stored. */
    public CsvRecord withRaw(byte[] bytes) {
        return new CsvRecord(cells, line, malformed, oddCharacters, bytes);
    }

    /** The same record, rejected for {@code why} (its cells kept: they may name its claim). */
    public CsvRecord rejectedFor(String why) {
        return new CsvRecord(cells, line, why, oddCharacters, raw);
    }

    public boolean isMalformed() {
        return malformed != null;
    }
}
