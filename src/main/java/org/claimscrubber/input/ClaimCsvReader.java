package org.claimscrubber.input;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Reads a claim export: RFC 4180 CSV in UTF-8 (a byte-order mark is ignored; bytes that are not
 * UTF-8 read as U+FFFD) with a header row naming at least the required columns. Blank lines are
 * skipped and counted.
 *
 * <p>opencsv tokenises each line; this class assembles records from lines so that a broken record
 * costs only itself: a quoted field still open at the end of the file, or after {@link
 * #MAX_RECORD_LINES} lines, makes its first line a malformed record, and the lines after it are
 * read again as rows. Messages never quote the file's content (it may hold patient data).
 */
public final class ClaimCsvReader implements Closeable {

    /** A quoted field spanning more lines than this is taken to be an unclosed quote. */
    public static final int MAX_RECORD_LINES = 100;

    /**
     * Nor may a record's lines add up to more characters than one line may have (bounded memory per
     * record).
     */
    public static final int MAX_RECORD_CHARS = LineSource.MAX_LINE_CHARS;

    /**
     * The most characters a cell may hold: a spreadsheet cell's limit, so no export a person made
     * or opened can exceed it. A longer cell is not claim data; its row is rejected, and its cells
     * are not kept (bounded memory).
     */
    public static final int MAX_CELL_CHARS = 32_767;

    /** The most characters a claim id may have (an 837's CLM01 has at most 38). */
    public static final int MAX_CLAIM_ID_CHARS = 64;

    /**
     * The most characters a header cell may have: a longer one is data, not a column name, and is
     * never echoed.
     */
    public static final int MAX_HEADER_CELL_CHARS = 256;

    private final String name;
    private final LineSource lines;
    private final Deque<LineSource.Line> replay = new ArrayDeque<>();
    private final String[] header;
    private final boolean keepRaw;
    private byte[] headerRaw;
    private ColumnMap columns;

    /**
     * The physical lines of the record last assembled (to read them again when it is rejected
     * whole).
     */
    private List<LineSource.Line> consumed = new ArrayList<>(1);

    /**
     * The first data record, read ahead to see whether every row ends with a delimiter the header
     * lacks.
     */
    private CsvRecord peeked;

    /** The field separator, detected from the header line: comma, semicolon, tab or pipe. */
    private char separator = ',';

    private ICSVParser parser = newParser();
    private long blankLines;
    private long notClaimRows;

    /** Title lines skipped above the header. */
    private int titleLines;

    private long headerLineRead;
    static final int MAX_TITLE_LINES = 5;
    private final List<Long> notClaimLines = new ArrayList<>();

    /**
     * Set when the stream broke: what follows a read error is never read (a cut .gz would replay
     * rows).
     */
    private boolean broken;

    /**
     * Set when a line ended inside a quoted field: a row, or a broken one, ran over more than one
     * line.
     */
    private boolean spansLines;

    /** A part of a file below its header, read with what its header said (see {@link #part}). */
    private ClaimCsvReader(String name, LineSource lines, ReadOptions options, SourceInfo file) {
        this.name = name;
        this.lines = lines;
        this.keepRaw = options.forward();
        this.separator = file.separator();
        this.parser = newParser();
        this.header = file.header();
        this.columns = file.columns();
    }

    private ClaimCsvReader(String name, LineSource lines, ReadOptions options)
            throws InputFileException {
        this.name = name;
        this.lines = lines;
        this.keepRaw = options.forward();
        skipLeadingLines(options.skipLines());
        this.separator = options.separator() != '\0' ? options.separator() : detectSeparator();
        this.parser = newParser();
        String[] header = readHeader();
        ColumnMap found;
        InputFileException firstRefusal = null;
        // A report title above the header ("Charge Detail Report", a run date): skipped, counted
        // and said, when it is
        // a line of one or two cells that names no column and the header follows within a few lines
        // (issue 23).
        while (true) {
            try {
                found = ColumnMap.of(name, headerLineRead, header, options.columnNames());
                break;
            } catch (InputFileException notAHeader) {
                firstRefusal = firstRefusal == null ? notAHeader : firstRefusal;
                if (titleLines >= MAX_TITLE_LINES
                        || !looksLikeATitle(header)
                        || !notAHeader.getMessage().contains("names none of the columns")) {
                    // said of the first line: what follows a wrong first line is no header either
                    throw firstRefusal;
                }
                titleLines++;
                notClaimRows++; // accounted for with the other lines that are not claim rows
                notClaimLines.add(headerLineRead);
                try {
                    header = readHeader();
                } catch (InputFileException noHeaderBelow) {
                    throw firstRefusal;
                }
            }
        }
        this.header = header;
        this.columns = found;
        this.peeked = next();
        if (peeked != null
                && !peeked.isMalformed()
                && header.length == columns.width()
                && peeked.cells().length == columns.width() + 1
                && peeked.cells()[columns.width()].isBlank()) {
            // The first row ends with a delimiter the header lacks: every row must then (issue 21:
            // a row shifted by
            // an unquoted comma, with an empty last column, must not pass as a trailing delimiter).
            columns = columns.withTrailingDelimiterOnRows();
        }
    }

    /**
     * Opens an export and reads its header.
     *
     * @param name how messages name the file
     * @throws InputFileException when the file is empty, its header cannot be read or names no
     *     required column
     */
    public static ClaimCsvReader open(String name, InputStream in) throws InputFileException {
        return open(name, in, ReadOptions.DETECT);
    }

    /** The same, with a separator or column names the user gave. */
    public static ClaimCsvReader open(String name, InputStream in, ReadOptions options)
            throws InputFileException {
        LineSource lines = new LineSource(in, options.forward());
        try {
            return new ClaimCsvReader(name, lines, options);
        } catch (InputFileException e) {
            closeQuietly(lines);
            throw e;
        }
    }

    /**
     * Reads a part of an export that starts at a line start below its header, at line {@code
     * firstLine} of the file, with the separator and columns the header gave ({@code file}). The
     * Spark job reads a large file as several such parts, each where it lies; a part's line numbers
     * are the file's.
     */
    public static ClaimCsvReader part(
            InputStream in, ReadOptions options, SourceInfo file, long firstLine) {
        return new ClaimCsvReader(
                file.name(), new LineSource(in, options.forward(), firstLine), options, file);
    }

    /**
     * --skip-lines: the file's first lines are a block above the header that the user says to skip
     * (a title block too long or too wide to be recognised as one). Each is counted, and named, as
     * a line that is not a claim row.
     */
    private void skipLeadingLines(int count) throws InputFileException {
        for (int skipped = 0; skipped < count; skipped++) {
            LineSource.Line line;
            try {
                line = lines.next();
            } catch (IOException e) {
                throw new InputFileException(
                        name + ":" + (skipped + 1) + ": cannot be read: " + readError(e), e);
            }
            if (line == null) {
                throw new InputFileException(
                        name
                                + ": has "
                                + skipped
                                + (skipped == 1 ? " line" : " lines")
                                + ", so --skip-lines "
                                + count
                                + " leaves no header");
            }
            notClaimRows++;
            if (notClaimLines.size() < ReadCounts.LINES_NAMED) {
                notClaimLines.add(line.number());
            }
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
            throw new InputFileException(
                    name + ": the file is empty; a header row naming the columns is required");
        }
        if (first.isMalformed()) {
            throw new InputFileException(
                    name
                            + ":"
                            + first.line()
                            + ": the header row cannot be read: "
                            + first.malformed());
        }
        if (consumed.size() > 1) {
            // A quote opened in the header and closed lines later would make the rows below it
            // column names,
            // echoed as "columns not read". Refused, and never shown: it may hold patient data.
            throw new InputFileException(
                    name
                            + ":"
                            + first.line()
                            + ": the header row runs over "
                            + consumed.size()
                            + " lines (a quote opened in it closes lines later), so it is not a header row (it is not shown:"
                            + " it may hold patient data)");
        }
        headerRaw = consumed.get(0).raw();
        headerLineRead = first.line();
        String[] cells = first.cells();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].length() > MAX_HEADER_CELL_CHARS
                    || cells[i].indexOf('\n') >= 0
                    || cells[i].indexOf('\r') >= 0) {
                throw new InputFileException(
                        name
                                + ":"
                                + first.line()
                                + ": header cell "
                                + (i + 1)
                                + " is "
                                + cells[i].length()
                                + " characters long or holds a line break, so it is not a column name and"
                                + " the line is not a header row (it is not shown: it may hold patient data)");
            }
        }
        if (cells.length > 0 && !cells[0].isEmpty() && cells[0].charAt(0) == '\uFEFF') {
            cells[0] = cells[0].substring(1);
        }
        if (first.oddCharacters() && looksLikeUtf16(cells)) {
            // Read as UTF-8, UTF-16 text is every other byte NUL (and its byte-order mark two
            // U+FFFD): each row
            // would become a finding. One clear refusal instead.
            throw new InputFileException(
                    name
                            + ": the file is not UTF-8 (it looks like UTF-16, as some spreadsheet"
                            + " programs save \"Unicode text\"); export it as CSV UTF-8 and run again");
        }
        blankLines = 0;
        return cells;
    }

    /**
     * A header whose characters are largely NUL, or that starts with a UTF-16 byte-order mark read
     * as UTF-8.
     */
    private static boolean looksLikeUtf16(String[] cells) {
        String header = String.join(",", cells);
        long nul = header.chars().filter(c -> c == 0).count();
        return header.startsWith("\uFFFD\uFFFD") || nul * 4 >= header.length();
    }

    private ICSVParser newParser() {
        return new RFC4180ParserBuilder().withSeparator(separator).build();
    }

    /**
     * The separator the header line uses most, outside quotes, among comma, semicolon, tab and pipe
     * (exports from European spreadsheets use semicolons, practice-management systems tabs or
     * pipes). Comma when none is used.
     */
    /**
     * The separator the header uses: of comma, semicolon, tab and pipe, the one found most often
     * (outside quotes) in the first line that has any of them, up to {@link #MAX_TITLE_LINES} lines
     * down (a title line above the header, "Charge Detail Report", has none). The lines looked at
     * are read again by the header and row readers.
     */
    private char detectSeparator() {
        try {
            List<LineSource.Line> read = new ArrayList<>();
            char found = '\0';
            int nonBlank = 0;
            LineSource.Line line;
            while (found == '\0' && nonBlank <= MAX_TITLE_LINES && (line = lines.next()) != null) {
                read.add(line);
                if (line.tooLong()) {
                    break;
                }
                if (!line.text().isBlank()) {
                    nonBlank++;
                    found = mostFrequentSeparator(line.text());
                }
            }
            replay.addAll(read); // read again, in order, by the header and row readers
            return found == '\0' ? ',' : found;
        } catch (IOException e) {
            return ','; // the header read that follows reports the read error
        }
    }

    /** The candidate separator found most often outside quotes, or 0 when the line has none. */
    private static char mostFrequentSeparator(String text) {
        char best = '\0';
        int bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
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

    /**
     * The header line's bytes as stored (byte-order mark and line end included), when rows are
     * forwarded; else null.
     */
    public byte[] headerRaw() {
        return headerRaw == null ? null : headerRaw.clone();
    }

    /** The separator the file's fields are split on. */
    public char separator() {
        return separator;
    }

    /**
     * Whether a line ended inside a quoted field (a row over several lines, or a quote that was
     * never closed). When none did, every line is a row of its own, or blank, so the file can be
     * read in parts that start at line starts.
     */
    public boolean spansLines() {
        return spansLines;
    }

    /** Physical lines read so far, the header included. */
    public long linesRead() {
        return lines.linesRead();
    }

    private static final Pattern FOOTER =
            Pattern.compile(
                    "(?i)^(grand\\s+|sub\\s*)?totals?\\b.*|^page\\s+\\d+.*|^report\\s+(total|end)\\b.*");

    /**
     * A row that is not a claim row (issue 23): every cell empty (a row of delimiters), or no claim
     * line at all (no line number, date of service or procedure code) with either no claim id or a
     * footer's label where the claim id goes ("Total Charges:", "Grand Total", "Page 3"). Such rows
     * are counted and named, not made into held "claims". A row with a claim id and any of line
     * number, date of service or procedure code is always a row.
     */
    private boolean isNotAClaimRow(CsvRecord record) {
        if (columns == null
                || record.isMalformed()) { // the header itself is read before the columns are known
            return false;
        }
        if (record.isMalformed()) {
            return false;
        }
        String[] cells = record.cells();
        boolean allBlank = true;
        for (String cell : cells) {
            allBlank &= cell.isBlank();
        }
        if (allBlank) {
            return true;
        }
        if (!columns.get(cells, Column.LINE_NUMBER).isEmpty()
                || !columns.get(cells, Column.DATE_OF_SERVICE).isEmpty()
                || !columns.get(cells, Column.PROCEDURE_CODE).isEmpty()) {
            return false;
        }
        String claimId = columns.get(cells, Column.CLAIM_ID);
        return claimId.isEmpty() || FOOTER.matcher(claimId).matches();
    }

    /**
     * A line of one or two non-empty cells: a report's title or run date, not a header or a claim
     * row.
     */
    private static boolean looksLikeATitle(String[] cells) {
        int filled = 0;
        for (String cell : cells) {
            filled += cell.isBlank() ? 0 : 1;
        }
        return filled <= 2;
    }

    /** Title lines skipped above the header. */
    public int titleLines() {
        return titleLines;
    }

    /** Rows skipped as not claim rows (empty, or a footer); see {@link #isNotAClaimRow}. */
    public long notClaimRows() {
        return notClaimRows;
    }

    /** The lines of the first few of them. */
    public List<Long> notClaimLines() {
        return List.copyOf(notClaimLines);
    }

    /** Blank lines skipped so far. */
    public long blankLines() {
        return blankLines;
    }

    /** The next non-blank record, or null at the end of the file. */
    public CsvRecord next() {
        if (peeked != null) {
            CsvRecord first = peeked;
            peeked = null;
            return first;
        }
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
                    return CsvRecord.malformed(
                            first.number(),
                            "the line is longer than "
                                    + LineSource.MAX_LINE_CHARS
                                    + " characters; it was not read");
                }
                if (first.text().isBlank()) {
                    blankLines++;
                    continue;
                }
                CsvRecord record = record(first);
                if (isNotAClaimRow(record)) {
                    notClaimRows++;
                    if (notClaimLines.size() < ReadCounts.LINES_NAMED) {
                        notClaimLines.add(record.line());
                    }
                    continue;
                }
                return record;
            }
        } catch (IOException e) {
            broken = true;
            return CsvRecord.malformed(
                    lines.nextNumber(),
                    "the file cannot be read from this line on: "
                            + readError(e)
                            + "; the rows before it were scrubbed, nothing after it was read");
        }
    }

    /**
     * A read error in words (a truncated or corrupt .gz is the usual cause), never the exception's
     * text.
     */
    private static String readError(IOException e) {
        if (e instanceof EOFException) {
            return "the compressed data ends early (the .gz file is cut off)";
        }
        if (e instanceof ZipException) {
            return "the compressed data is corrupt";
        }
        return "a read error (" + e.getClass().getSimpleName() + ")";
    }

    /**
     * A record starting at {@code first}, continued over further lines while a quoted field is
     * open. A quote that does not open a field (a stray {@code 5" wide} in an unquoted cell) would
     * swallow the lines after it until the next quote: such a row is rejected alone and the lines
     * after it are read as rows. So is a record that spans lines and then has a field count no row
     * of the file can have.
     */
    private CsvRecord record(LineSource.Line first) throws IOException {
        List<String> cells = new ArrayList<>();
        consumed = new ArrayList<>(1);
        consumed.add(first);
        boolean odd = hasOddCharacters(first.text());
        int quotes = QuoteState.scan(first.text(), separator, QuoteState.FIELD_START);
        spansLines |= quotes == QuoteState.QUOTED;
        if (quotes == QuoteState.STRAY) {
            return stray(first);
        }
        parse(first.text(), cells);
        long chars = first.text().length();
        while (quotes == QuoteState.QUOTED) {
            LineSource.Line more = consumed.size() < MAX_RECORD_LINES ? nextLine() : null;
            boolean tooLarge =
                    more != null
                            && !more.tooLong()
                            && chars + more.text().length() > MAX_RECORD_CHARS;
            if (more == null || more.tooLong() || tooLarge) {
                if (more != null) {
                    consumed.add(more);
                }
                String where =
                        tooLarge
                                ? "within " + MAX_RECORD_CHARS + " characters"
                                : consumed.size() < MAX_RECORD_LINES
                                        ? "by the end of the file"
                                        : "within " + MAX_RECORD_LINES + " lines";
                return readAgainAfter(
                        first,
                        "a quoted field opened on this line is not closed "
                                + where
                                + "; the row was not read (the lines after it were)",
                        cells);
            }
            chars += more.text().length();
            consumed.add(more);
            odd |= hasOddCharacters(more.text());
            quotes = QuoteState.scan("\n" + more.text(), separator, quotes);
            if (quotes == QuoteState.STRAY) {
                return readAgainAfter(
                        first,
                        "a quoted field opened on this line closes on line "
                                + more.number()
                                + " with text after its closing quote (a stray quote?); the row was not read (the lines after"
                                + " it were)",
                        cells);
            }
            parse(more.text(), cells);
        }
        // the tokeniser disagrees with the quote scan: refuse rather than guess
        if (parser.isPending()) {
            return readAgainAfter(
                    first,
                    "the quoting of this row cannot be read; the row was not read (the lines after"
                            + " it were)",
                    cells);
        }
        if (consumed.size() > 1 && columns != null && !plausibleWidth(cells)) {
            return readAgainAfter(
                    first,
                    "a quoted field opened on this line runs over "
                            + consumed.size()
                            + " lines and the row then has "
                            + cells.size()
                            + " fields, not "
                            + columns.cellsPerRow()
                            + " (a stray quote?); the row was not read (the lines after it were)",
                    cells);
        }
        String[] row = cells.toArray(new String[0]);
        String tooBig = oversized(row);
        if (tooBig != null) {
            return withRaw(CsvRecord.malformed(first.number(), tooBig));
        }
        return withRaw(CsvRecord.of(row, first.number(), odd));
    }

    /**
     * A row with a cell too large to be claim data: rejected, and none of its cells kept, so memory
     * stays bounded by bytes (2,000 claims with 150 KB claim ids, an export of 400 KB cells).
     */
    private String oversized(String[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i].length() > MAX_CELL_CHARS) {
                return "field "
                        + (i + 1)
                        + " holds "
                        + row[i].length()
                        + " characters, more than the "
                        + MAX_CELL_CHARS
                        + " a spreadsheet cell can hold, so it is not claim data; the row was not read";
            }
        }
        if (columns != null && columns.get(row, Column.CLAIM_ID).length() > MAX_CLAIM_ID_CHARS) {
            return "claim_id is "
                    + columns.get(row, Column.CLAIM_ID).length()
                    + " characters long, more than the "
                    + MAX_CLAIM_ID_CHARS
                    + " a claim id may have; the row was not read";
        }
        return null;
    }

    /**
     * A row count every row of this file may have: the header's cells, or one more for a trailing
     * delimiter.
     */
    private boolean plausibleWidth(List<String> cells) {
        return cells.size() == columns.cellsPerRow()
                || cells.size() == columns.width() + 1 && cells.get(columns.width()).isBlank();
    }

    /** The row of {@code first} alone, rejected: a quote in it does not open a field. */
    private CsvRecord stray(LineSource.Line first) {
        String text = first.text();
        int quote = QuoteState.strayAt(text, separator, QuoteState.FIELD_START);
        int fieldStart = text.lastIndexOf(separator, quote) + 1;
        List<String> before = new ArrayList<>();
        if (fieldStart > 0) {
            try {
                for (String cell : newParser().parseLine(text.substring(0, fieldStart - 1))) {
                    before.add(cell);
                }
            } catch (IOException | RuntimeException unreadable) {
                before.clear(); // the cells before it are not readable either: no claim id then
            }
        }
        int column = before.size() + 1;
        return withRaw(
                CsvRecord.malformed(
                        first.number(),
                        "field "
                                + column
                                + " has a quote inside it that does not"
                                + " open a quoted field (write it as \"\" inside a quoted field); the row was not read, the lines after"
                                + " it were",
                        before.toArray(new String[0])));
    }

    /**
     * Rejects the record at {@code first} and reads the lines it swallowed again, as rows of their
     * own.
     */
    private CsvRecord readAgainAfter(LineSource.Line first, String why, List<String> cells) {
        parser = newParser();
        for (int i = consumed.size() - 1; i >= 1; i--) {
            replay.addFirst(consumed.get(i));
        }
        consumed = new ArrayList<>(List.of(first));
        String[] kept =
                cells.stream().anyMatch(cell -> cell.length() > MAX_CELL_CHARS)
                        ? new String[0]
                        : cells.toArray(new String[0]);
        return withRaw(CsvRecord.malformed(first.number(), why, kept));
    }

    /** The record with the bytes of the lines it was read from, when rows are forwarded. */
    private CsvRecord withRaw(CsvRecord record) {
        if (!keepRaw) {
            return record;
        }
        if (consumed.size() == 1) {
            return record.withRaw(consumed.get(0).raw());
        }
        int size = 0;
        for (LineSource.Line line : consumed) {
            size += line.raw() == null ? 0 : line.raw().length;
        }
        byte[] raw = new byte[size];
        int at = 0;
        for (LineSource.Line line : consumed) {
            if (line.raw() != null) {
                System.arraycopy(line.raw(), 0, raw, at, line.raw().length);
                at += line.raw().length;
            }
        }
        return record.withRaw(raw);
    }

    /**
     * U+FFFD (a byte that was not UTF-8) or NUL: rare, so one scan per line saves scanning every
     * cell.
     */
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
