package org.claimscrubber.input;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a claim export: RFC 4180 CSV in UTF-8 (a byte-order mark is ignored; bytes that are not UTF-8 read as
 * U+FFFD) with a header row naming at least the required columns. Blank lines are skipped and counted.
 *
 * <p>opencsv tokenises each line; this class assembles records from lines so that a broken record costs only
 * itself: a quoted field still open at the end of the file, or after {@link #MAX_RECORD_LINES} lines, makes
 * its first line a malformed record, and the lines after it are read again as rows. Messages never quote the
 * file's content (it may hold patient data).
 */
public final class ClaimCsvReader implements Closeable {

    /** A quoted field spanning more lines than this is taken to be an unclosed quote. */
    public static final int MAX_RECORD_LINES = 100;
    /** Nor may a record's lines add up to more characters than one line may have (bounded memory per record). */
    public static final int MAX_RECORD_CHARS = LineSource.MAX_LINE_CHARS;

    private final String name;
    private final LineSource lines;
    private final Deque<LineSource.Line> replay = new ArrayDeque<>();
    private final String[] header;
    private final ColumnMap columns;
    /** The field separator, detected from the header line: comma, semicolon, tab or pipe. */
    private char separator = ',';
    private ICSVParser parser = newParser();
    private long blankLines;
    /** Set when the stream broke: what follows a read error is never read (a cut .gz would replay rows). */
    private boolean broken;

    private ClaimCsvReader(String name, LineSource lines, ReadOptions options) throws InputFileException {
        this.name = name;
        this.lines = lines;
        this.separator = options.separator() != '\0' ? options.separator() : detectSeparator();
        this.parser = newParser();
        this.header = readHeader();
        this.columns = ColumnMap.of(name, header, options.columnNames());
    }

    /**
     * Opens an export and reads its header.
     *
     * @param name how messages name the file
     * @throws InputFileException when the file is empty, its header cannot be read or names no required column
     */
    public static ClaimCsvReader open(String name, InputStream in) throws InputFileException {
        return open(name, in, ReadOptions.DETECT);
    }

    /** The same, with a separator or column names the user gave. */
    public static ClaimCsvReader open(String name, InputStream in, ReadOptions options) throws InputFileException {
        LineSource lines = new LineSource(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        try {
            return new ClaimCsvReader(name, lines, options);
        } catch (InputFileException e) {
            closeQuietly(lines);
            throw e;
        }
    }

    private String[] readHeader() throws InputFileException {
        CsvRecord first;
        try {
            first = next();
        } catch (RuntimeException e) {
            throw new InputFileException(name + ":1: the header row cannot be read as CSV");
        }
        if (first == null) {
            throw new InputFileException(name + ": the file is empty; a header row naming the columns is required");
        }
        if (first.isMalformed()) {
            throw new InputFileException(name + ":" + first.line() + ": the header row cannot be read: " + first.malformed());
        }
        String[] cells = first.cells();
        if (cells.length > 0 && !cells[0].isEmpty() && cells[0].charAt(0) == '\uFEFF') {
            cells[0] = cells[0].substring(1);
        }
        if (first.oddCharacters() && looksLikeUtf16(cells)) {
            // Read as UTF-8, UTF-16 text is every other byte NUL (and its byte-order mark two U+FFFD): each row
            // would become a finding. One clear refusal instead.
            throw new InputFileException(name + ": the file is not UTF-8 (it looks like UTF-16, as some spreadsheet"
                    + " programs save \"Unicode text\"); export it as CSV UTF-8 and run again");
        }
        blankLines = 0;
        return cells;
    }

    /** A header whose characters are largely NUL, or that starts with a UTF-16 byte-order mark read as UTF-8. */
    private static boolean looksLikeUtf16(String[] cells) {
        String header = String.join(",", cells);
        long nul = header.chars().filter(c -> c == 0).count();
        return header.startsWith("\uFFFD\uFFFD") || nul * 4 >= header.length();
    }

    private ICSVParser newParser() {
        return new RFC4180ParserBuilder().withSeparator(separator).build();
    }

    /**
     * The separator the header line uses most, outside quotes, among comma, semicolon, tab and pipe (exports from
     * European spreadsheets use semicolons, practice-management systems tabs or pipes). Comma when none is used.
     */
    private char detectSeparator() {
        try {
            List<LineSource.Line> read = new ArrayList<>();
            LineSource.Line first = lines.next();
            while (first != null && !first.tooLong() && first.text().isBlank()) {
                read.add(first);
                first = lines.next();
            }
            if (first != null) {
                read.add(first);
            }
            replay.addAll(read); // read again, in order, by the header and row readers
            if (first == null || first.tooLong()) {
                return ',';
            }
            char best = ',';
            int bestCount = 0;
            for (char candidate : new char[] {',', ';', '\t', '|'}) {
                int count = 0;
                boolean quoted = false;
                for (int i = 0; i < first.text().length(); i++) {
                    char c = first.text().charAt(i);
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (c == candidate && !quoted) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    best = candidate;
                    bestCount = count;
                }
            }
            return best;
        } catch (IOException e) {
            return ','; // the header read that follows reports the read error
        }
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
        return lines.linesRead();
    }

    /** Blank lines skipped so far. */
    public long blankLines() {
        return blankLines;
    }

    /** The next non-blank record, or null at the end of the file. */
    public CsvRecord next() {
        if (broken) {
            return null;
        }
        try {
            while (true) {
                LineSource.Line first = nextLine();
                if (first == null) {
                    return null;
                }
                if (first.tooLong()) {
                    return CsvRecord.malformed(first.number(), "the line is longer than " + LineSource.MAX_LINE_CHARS
                            + " characters; it was not read");
                }
                if (first.text().isBlank()) {
                    blankLines++;
                    continue;
                }
                return record(first);
            }
        } catch (IOException e) {
            broken = true;
            return CsvRecord.malformed(lines.linesRead() + 1, "the file cannot be read from this line on: "
                    + readError(e) + "; the rows before it were scrubbed, nothing after it was read");
        }
    }

    /** A read error in words (a truncated or corrupt .gz is the usual cause), never the exception's text. */
    private static String readError(IOException e) {
        if (e instanceof java.io.EOFException) {
            return "the compressed data ends early (the .gz file is cut off)";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "the compressed data is corrupt";
        }
        return "a read error (" + e.getClass().getSimpleName() + ")";
    }

    /** A record starting at {@code first}, continued over further lines while a quoted field is open. */
    private CsvRecord record(LineSource.Line first) throws IOException {
        List<String> cells = new ArrayList<>();
        List<LineSource.Line> consumed = new ArrayList<>(1);
        consumed.add(first);
        boolean odd = hasOddCharacters(first.text());
        parse(first.text(), cells);
        long chars = first.text().length();
        while (parser.isPending()) {
            LineSource.Line more = consumed.size() < MAX_RECORD_LINES ? nextLine() : null;
            boolean tooLarge = more != null && !more.tooLong() && chars + more.text().length() > MAX_RECORD_CHARS;
            if (more == null || more.tooLong() || tooLarge) {
                parser = newParser();
                if (more != null) {
                    consumed.add(more);
                }
                for (int i = consumed.size() - 1; i >= 1; i--) {
                    replay.addFirst(consumed.get(i));
                }
                String where = tooLarge ? "within " + MAX_RECORD_CHARS + " characters"
                        : consumed.size() < MAX_RECORD_LINES ? "by the end of the file" : "within " + MAX_RECORD_LINES + " lines";
                return CsvRecord.malformed(first.number(), "a quoted field opened on this line is not closed " + where
                        + "; the row was not read (the lines after it were)", cells.toArray(new String[0]));
            }
            chars += more.text().length();
            consumed.add(more);
            odd |= hasOddCharacters(more.text());
            parse(more.text(), cells);
        }
        return CsvRecord.of(cells.toArray(new String[0]), first.number(), odd);
    }

    /** U+FFFD (a byte that was not UTF-8) or NUL: rare, so one scan per line saves scanning every cell. */
    private static boolean hasOddCharacters(String line) {
        return line.indexOf('\uFFFD') >= 0 || line.indexOf('\u0000') >= 0;
    }

    private void parse(String line, List<String> into) throws IOException {
        for (String cell : parser.parseLineMulti(line)) {
            into.add(cell);
        }
    }

    private LineSource.Line nextLine() throws IOException {
        return replay.isEmpty() ? lines.next() : replay.pollFirst();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the file is being abandoned; its close error adds nothing to the error already raised
        }
    }
}
