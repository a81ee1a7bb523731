package org.claimscrubber.facts;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One of the project's own small CSV tables (curated facts, interpretations): a fixed header, one
 * row per line, blank lines skipped. A wrong header or field count is an error naming the file and
 * line.
 */
public final class CuratedTable {

    /** A row's cells (stripped) and its 1-based line in the file. */
    public record Row(String file, int line, List<String> cells) {
        public String cell(int column) {
            return cells.get(column);
        }

        public String where() {
            return file + ":" + line;
        }
    }

    private CuratedTable() {}

    public static List<Row> read(String fileName, String content, List<String> columns)
            throws FactsException {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(content)).build()) {
            String[] header = reader.readNext();
            if (header == null
                    || !Arrays.stream(header)
                            .map(h -> h.strip().toLowerCase(Locale.ROOT))
                            .toList()
                            .equals(columns)) {
                throw new FactsException(
                        fileName + ":1: header must be " + String.join(",", columns));
            }
            List<Row> rows = new ArrayList<>();
            String[] cells;
            while ((cells = reader.readNext()) != null) {
                int line = (int) reader.getLinesRead();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (cells.length != columns.size()) {
                    throw new FactsException(
                            fileName
                                    + ":"
                                    + line
                                    + ": expected "
                                    + columns.size()
                                    + " fields, found "
                                    + cells.length);
                }
                rows.add(new Row(fileName, line, Arrays.stream(cells).map(String::strip).toList()));
            }
            return rows;
        } catch (IOException | CsvException e) {
            throw new FactsException(fileName + ": cannot be read as CSV: " + e.getMessage(), e);
        }
    }
}
