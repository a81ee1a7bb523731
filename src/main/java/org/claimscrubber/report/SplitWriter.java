package org.claimscrubber.report;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes claims' rows as they were read, for --split: clean-claims.csv (rows as they came) or held-claims.csv
 * (the same, plus a {@code held_by} column with the rule ids that held the claim). The header is that of
 * the first input with rows; rows of an input whose header differs are placed by column name.
 */
public final class SplitWriter implements Closeable {

    private final ICSVWriter csv;
    private final boolean held;
    private final Map<String[], int[]> layouts = new IdentityHashMap<>();
    private String[] header;

    public SplitWriter(Writer out, boolean held) {
        this.csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
        this.held = held;
    }

    /**
     * @param sourceHeader the header of the input the row came from (the same array for every row of it)
     * @param heldBy       rule ids, for the held file; ignored for the clean file
     */
    public void write(String[] sourceHeader, String[] cells, String heldBy) {
        if (header == null) {
            header = sourceHeader;
            String[] written = held ? append(header, "held_by") : header;
            csv.writeNext(SpreadsheetSafe.row(written), false);
        }
        String[] row = sourceHeader == header ? fitted(cells) : placed(sourceHeader, cells);
        csv.writeNext(SpreadsheetSafe.row(held ? append(row, heldBy) : row), false);
    }

    /** The row padded or cut to the header's width (a rejected row may have too few or too many cells). */
    private String[] fitted(String[] cells) {
        if (cells.length == header.length) {
            return cells;
        }
        String[] row = new String[header.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = i < cells.length ? cells[i] : "";
        }
        return row;
    }

    /** A row of another input, each cell moved to the column of the same name (cells of other columns dropped). */
    private String[] placed(String[] sourceHeader, String[] cells) {
        int[] layout = layouts.computeIfAbsent(sourceHeader, this::layoutOf);
        String[] row = new String[header.length];
        for (int i = 0; i < row.length; i++) {
            int from = layout[i];
            row[i] = from >= 0 && from < cells.length ? cells[from] : "";
        }
        return row;
    }

    private int[] layoutOf(String[] sourceHeader) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < sourceHeader.length; i++) {
            positions.putIfAbsent(key(sourceHeader[i]), i);
        }
        int[] layout = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            layout[i] = positions.getOrDefault(key(header[i]), -1);
        }
        return layout;
    }

    private static String key(String name) {
        return name.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String[] append(String[] cells, String last) {
        String[] row = java.util.Arrays.copyOf(cells, cells.length + 1);
        row[cells.length] = last;
        return row;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
