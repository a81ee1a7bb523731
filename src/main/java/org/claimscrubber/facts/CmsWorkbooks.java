package org.claimscrubber.facts;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.claimscrubber.domain.CodeDates;
import org.claimscrubber.domain.CodeFormat;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.NcciEdits;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The CMS files in their .xlsx versions, streamed row by row (FastExcel): the NCCI practitioner PTP
 * and MUE tables (the same columns as their text versions), the NCCI add-on code edits (Primary
 * Code, Add-on Code, AOC Edit Type, ..., AOC Edit Deletion Date as Julian YYYYDDD; a primary of
 * CCCCC means the contractor defines them), and the quarterly HCPCS file (HCPC, RECID, ..., ADD DT,
 * ACT EFF DT, TERM DT, ACTION CD; dates YYYYMMDD).
 */
final class CmsWorkbooks {

    /** How far into the first sheet the header may be (below the copyright preamble). */
    private static final int PREAMBLE_ROWS = 40;

    private CmsWorkbooks() {}

    /**
     * The most bytes a workbook's parts may inflate to, in all: a CMS quarter's PTP workbook is far
     * smaller.
     */
    static final long MAX_INFLATED_BYTES = 2L << 30;

    /**
     * No part of a real workbook compresses better than this; a zip bomb does (issue 21: 1.2 MB ran
     * out of memory).
     */
    static final long MAX_RATIO = 500;

    /**
     * Refuses a file that is not a whole .xlsx archive (truncated, not a zip) or that inflates past
     * the limits above, counting the bytes each part really inflates to (a zip's declared sizes can
     * lie), before the workbook reader opens it.
     */
    static void checkArchive(Path file) throws FactsException {
        String name = file.getFileName().toString();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] buffer = new byte[1 << 16];
            for (ZipEntry entry : Collections.list(zip.entries())) {
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        long compressed = Math.max(entry.getCompressedSize(), 1);
                        if (total > MAX_INFLATED_BYTES
                                || inflated > (1 << 20) && inflated / compressed > MAX_RATIO) {
                            throw new FactsException(
                                    name
                                            + ": the workbook inflates to more than "
                                            + (total > MAX_INFLATED_BYTES
                                                    ? MAX_INFLATED_BYTES / (1 << 20) + " MB"
                                                    : MAX_RATIO + " times its compressed size")
                                            + " (a zip bomb?); it was not read."
                                            + " Download the file from CMS again");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new FactsException(
                    name
                            + ": not a readable .xlsx workbook (the file is cut off or is not an Excel"
                            + " file); download it from CMS again");
        }
    }

    /**
     * A workbook the reader could not parse (a DOCTYPE, broken XML): one sentence naming the file.
     */
    static FactsException unreadable(Path file, Exception e) {
        return new FactsException(
                file.getFileName()
                        + ": the workbook cannot be read ("
                        + (e.getMessage() == null
                                ? e.getClass().getSimpleName()
                                : firstLine(e.getMessage()))
                        + "); download it from CMS again");
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** PTP, MUE or AOC by the header of the first sheet, or null. */
    static CmsFileKind kindOf(Path file) throws IOException, FactsException {
        checkArchive(file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            for (int i = 0; i < PREAMBLE_ROWS && it.hasNext(); i++) {
                CmsFileKind kind = kindOfHeader(cells(it.next()));
                if (kind != null) {
                    return kind;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    static CmsFileKind kindOfHeader(String[] cells) {
        String joined = String.join("|", cells).toLowerCase(Locale.ROOT);
        if (joined.startsWith("column 1|column 2")) {
            return CmsFileKind.PTP;
        }
        if (joined.contains("hcpcs/cpt code") && joined.contains("mue")) {
            return CmsFileKind.MUE;
        }
        if (joined.contains("primary code")
                && (joined.contains("add-on code") || joined.contains("add on code"))) {
            return CmsFileKind.AOC;
        }
        if (joined.startsWith("hcpc|") && joined.contains("add dt") && joined.contains("term dt")) {
            return CmsFileKind.HCPCS;
        }
        return null;
    }

    static void readPtp(Path file, List<NcciEdits.PtpEdit> into)
            throws IOException, FactsException {
        String name = file.getFileName().toString();
        String source = name + " (CMS NCCI practitioner PTP)";
        Map<String, String> shared = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        readBelowHeader(
                file,
                CmsFileKind.PTP,
                (cells, number) ->
                        into.add(NcciFiles.ptpEdit(cells, name, number, shared, dates, source)));
    }

    static void readMue(Path file, List<NcciEdits.MueEdit> into)
            throws IOException, FactsException {
        String name = file.getFileName().toString();
        readBelowHeader(
                file,
                CmsFileKind.MUE,
                (cells, number) -> into.add(NcciFiles.mueEdit(cells, name, number)));
    }

    static void readAoc(Path file, List<NcciEdits.AocEdit> into)
            throws IOException, FactsException {
        String name = file.getFileName().toString();
        String source = name + " (CMS NCCI add-on code edits)";
        int[] columns = new int[4]; // primary, add-on, type, AOC edit deletion date
        readBelowHeader(
                file,
                CmsFileKind.AOC,
                header -> {
                    columns[0] = find(header, "primary code");
                    columns[1] = Math.max(find(header, "add-on code"), find(header, "add on code"));
                    columns[2] = find(header, "edit type");
                    columns[3] = find(header, "aoc edit deletion date");
                    if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0) {
                        throw new FactsException(
                                name
                                        + ": the add-on code edit file needs the columns Primary Code, Add-on Code"
                                        + " and AOC Edit Type");
                    }
                },
                (cells, number) -> {
                    String deletion =
                            columns[3] < 0 || columns[3] >= cells.length
                                    ? ""
                                    : cells[columns[3]].strip();
                    if (!deletion.isEmpty() && !deletion.equals("*")) {
                        julian(
                                name, number,
                                deletion); // a deleted edit: checked for its shape, not applied
                        return;
                    }
                    String primary = Codes.procedure(cells[columns[0]]);
                    String typeText = cells[columns[2]].strip();
                    int type;
                    try {
                        type = new BigDecimal(typeText).intValueExact();
                    } catch (NumberFormatException | ArithmeticException e) {
                        throw new FactsException(
                                name
                                        + ":"
                                        + number
                                        + ": AOC edit type '"
                                        + typeText
                                        + "' is not 1, 2 or 3");
                    }
                    into.add(
                            new NcciEdits.AocEdit(
                                    Codes.procedure(cells[columns[1]]),
                                    primary.equals("CCCCC") ? List.of() : List.of(primary),
                                    type,
                                    source));
                });
    }

    /**
     * The quarterly HCPCS file: for each code row (RECID 3; continuation and modifier rows
     * skipped), its ADD DT and TERM DT. Descriptions are never read.
     */
    static void readHcpcs(Path file, Map<String, CodeDates.Dates> into)
            throws IOException, FactsException {
        String name = file.getFileName().toString();
        int[] columns = new int[4]; // code, record id, added, terminated
        readBelowHeader(
                file,
                CmsFileKind.HCPCS,
                header -> {
                    columns[0] = exact(header, "hcpc");
                    columns[1] = exact(header, "recid");
                    columns[2] = exact(header, "add dt");
                    columns[3] = exact(header, "term dt");
                    if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0 || columns[3] < 0) {
                        throw new FactsException(
                                name
                                        + ": the HCPCS file needs the columns HCPC, RECID, ADD DT and TERM DT");
                    }
                },
                (cells, number) -> {
                    if (cells.length <= columns[3] || !cells[columns[1]].strip().equals("3")) {
                        return;
                    }
                    String code = Codes.procedure(cells[columns[0]]);
                    if (!CodeFormat.PROCEDURE.accepts(code)) {
                        throw new FactsException(
                                name
                                        + ":"
                                        + number
                                        + ": HCPC '"
                                        + cells[columns[0]].strip()
                                        + "' is not a HCPCS code");
                    }
                    into.put(
                            code,
                            new CodeDates.Dates(
                                    yyyymmdd(name, number, cells[columns[2]]),
                                    yyyymmdd(name, number, cells[columns[3]]),
                                    name + ":" + number + " (CMS HCPCS quarterly file)"));
                });
    }

    private static LocalDate yyyymmdd(String name, int number, String text) throws FactsException {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new FactsException(
                    name + ":" + number + ": '" + value + "' is not a date (YYYYMMDD)");
        }
    }

    private static int exact(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Julian YYYYDDD (2024155), as the add-on code edit files write dates. */
    static LocalDate julian(String name, int number, String text) throws FactsException {
        try {
            int value = new BigDecimal(text).intValueExact();
            return LocalDate.ofYearDay(value / 1000, value % 1000);
        } catch (RuntimeException e) {
            throw new FactsException(
                    name + ":" + number + ": '" + text + "' is not a Julian date (YYYYDDD)");
        }
    }

    private interface RowReader {
        void read(String[] cells, int number) throws FactsException;
    }

    private interface HeaderReader {
        void read(String[] header) throws FactsException;
    }

    private static void readBelowHeader(Path file, CmsFileKind kind, RowReader reader)
            throws IOException, FactsException {
        readBelowHeader(file, kind, header -> {}, reader);
    }

    private static void readBelowHeader(
            Path file, CmsFileKind kind, HeaderReader headerReader, RowReader reader)
            throws IOException, FactsException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            boolean header = false;
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                String[] cells = cells(row);
                if (!header) {
                    if (kind == kindOfHeader(cells)) {
                        header = true;
                        headerReader.read(cells);
                    }
                    continue;
                }
                if (cells.length == 0 || cells[0].isBlank()) {
                    continue;
                }
                reader.read(cells, row.getRowNum());
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    private static int find(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].toLowerCase(Locale.ROOT).contains(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A row's cells as text; numbers as written (20240101, not 2.0240101E7). */
    private static String[] cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            String text = row.getCellText(i);
            cells.add(
                    text == null
                            ? ""
                            : text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
        }
        return cells.toArray(String[]::new);
    }
}
