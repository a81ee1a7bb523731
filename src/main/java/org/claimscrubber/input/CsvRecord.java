package org.claimscrubber.input;

/**
 * One record of a CSV file: its cells and the physical line it starts on. A record that could not be read
 * says why in {@code malformed}, and keeps the cells read before the fault (which may name its claim).
 */
public record CsvRecord(String[] cells, long line, String malformed, boolean oddCharacters)
        implements java.io.Serializable {

    public static CsvRecord of(String[] cells, long line) {
        return new CsvRecord(cells, line, null, false);
    }

    /** A record whose text holds U+FFFD (bytes that were not UTF-8) or NUL, which its parser looks for. */
    public static CsvRecord of(String[] cells, long line, boolean oddCharacters) {
        return new CsvRecord(cells, line, null, oddCharacters);
    }

    public static CsvRecord malformed(long line, String why) {
        return new CsvRecord(new String[0], line, why, false);
    }

    public static CsvRecord malformed(long line, String why, String[] cellsBeforeTheFault) {
        return new CsvRecord(cellsBeforeTheFault, line, why, false);
    }

    public boolean isMalformed() {
        return malformed != null;
    }
}
