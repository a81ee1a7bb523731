package org.claimscrubber.claims;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a claim export: RFC 4180 CSV in UTF-8 (a byte-order mark is ignored) with a header row naming
 * at least the required columns. Blank lines are skipped and counted.
 */
public final class ClaimCsvReader implements Closeable {

    private final String name;
    private final CSVReader csv;
    private final String[] header;
    private final ColumnMap columns;
    private long blankLines;
    private boolean finished;

    private ClaimCsvReader(String name, CSVReader csv, String[] header, ColumnMap columns) {
        this.name = name;
        this.csv = csv;
        this.header = header;
        this.columns = columns;
    }

    /**
     * Opens an export and reads its header.
     *
     * @param name how messages name the file
     * @throws InputFileException when the file is empty, its header cannot be read or lacks a required column
     */
    public static ClaimCsvReader open(String name, InputStream in) throws InputFileException {
        InputStreamReader decoder = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        CSVReader csv = new CSVReaderBuilder(new BufferedReader(decoder, 1 << 16))
                .withCSVParser(new RFC4180ParserBuilder().build())
                .build();
        try {
            String[] header = readHeader(name, csv);
            return new ClaimCsvReader(name, csv, header, ColumnMap.of(name, header));
        } catch (InputFileException e) {
            closeQuietly(csv);
            throw e;
        }
    }

    private static String[] readHeader(String name, CSVReader csv) throws InputFileException {
        String[] header;
        try {
            do {
                header = csv.readNext();
            } while (header != null && isBlank(header));
        } catch (IOException | CsvValidationException e) {
            throw new InputFileException(name + ":1: the header row cannot be read: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new InputFileException(name + ": the file is empty; a header row naming the columns is required");
        }
        if (header.length > 0 && !header[0].isEmpty() && header[0].charAt(0) == '\uFEFF') {
            header[0] = header[0].substring(1);
        }
        return header;
    }

    public String name() {
        return name;
    }

    public ColumnMap columns() {
        return columns;
    }

    /** The header row as written (a byte-order mark removed). */
    public String[] header() {
        return header.clone();
    }

    /** Physical lines read so far, the header included. */
    public long linesRead() {
        return csv.getLinesRead();
    }

    /** Blank lines skipped so far. */
    public long blankLines() {
        return blankLines;
    }

    /** The next non-blank record, or null at the end of the file. */
    public CsvRecord next() {
        if (finished) {
            return null;
        }
        while (true) {
            long line = csv.getLinesRead() + 1;
            String[] cells;
            try {
                cells = csv.readNext();
            } catch (IOException | CsvValidationException e) {
                finished = true;
                return CsvRecord.malformed(line, "the CSV cannot be read from this line on: " + e.getMessage());
            }
            if (cells == null) {
                finished = true;
                return null;
            }
            if (isBlank(cells)) {
                blankLines++;
                continue;
            }
            return CsvRecord.of(cells, line);
        }
    }

    private static boolean isBlank(String[] cells) {
        return cells.length == 1 && cells[0].isBlank();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the file is being abandoned; its close error adds nothing to the error already raised
        }
    }
}
