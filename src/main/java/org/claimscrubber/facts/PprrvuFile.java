package org.claimscrubber.facts;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.domain.CodeFormat;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.FeeSchedule;

/**
 * Reads the CMS Medicare physician fee schedule relative value file (PPRRVU, CSV) a user downloads
 * and gives with {@code --reference}: a title and copyright preamble, then a header split over two
 * rows whose cells, joined, name the columns ("STATUS" over "CODE", "PCTC" over "IND", "BILAT" over
 * "SURG"). Only the code, status, PC/TC and bilateral indicators of the global rows (no modifier)
 * are kept; descriptors are never read. Status D (deleted) counts from 1 January of the file's
 * year, which its title or name gives (PPRRVU25_JAN: 2025).
 */
public final class PprrvuFile {

    /** How far into the file its header may be. */
    private static final int PREAMBLE_LINES = 40;

    private static final List<String> NEEDED =
            List.of("HCPCS", "MOD", "STATUS CODE", "PCTC IND", "BILAT SURG");
    private static final Pattern TITLE_YEAR =
            Pattern.compile("(20[0-9]{2}) National Physician Fee Schedule");
    private static final Pattern NAME_YEAR = Pattern.compile("(?i)rvu([0-9]{2})");

    private PprrvuFile() {}

    /**
     * True when the file's first lines hold the PPRRVU header ("HCPCS,MOD,DESCRIPTION,CODE,...").
     */
    public static boolean looksLikeOne(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.limit(PREAMBLE_LINES)
                    .anyMatch(line -> line.toUpperCase(Locale.ROOT).startsWith("HCPCS,MOD,"));
        }
    }

    /**
     * The indicators by code, and what the file is ("PPRRVU25_JAN.csv (2025 physician fee
     * schedule)").
     */
    public record Loaded(Map<String, FeeSchedule.Indicators> byCode, String release) {}

    public static Loaded read(Path file) throws FactsException {
        String name = file.getFileName().toString();
        Map<String, FeeSchedule.Indicators> byCode = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
                CSVReader csv = new CSVReaderBuilder(in).build()) {
            String[] previous = new String[0];
            String[] cells;
            int[] at = null;
            int year = yearInName(name);
            while ((cells = csv.readNext()) != null) {
                long line = csv.getLinesRead();
                if (at == null) {
                    String joined = String.join(",", cells);
                    Matcher title = TITLE_YEAR.matcher(joined);
                    if (title.find()) {
                        year = Integer.parseInt(title.group(1));
                    }
                    if (cells.length > 1
                            && cells[0].strip().equalsIgnoreCase("HCPCS")
                            && cells[1].strip().equalsIgnoreCase("MOD")) {
                        at = columns(name, line, previous, cells);
                        if (year == 0) {
                            throw new FactsException(
                                    name
                                            + ": cannot tell the fee schedule's year: its title row has"
                                            + " none and its name is not like PPRRVU25_JAN.csv");
                        }
                    } else if (line > PREAMBLE_LINES) {
                        throw new FactsException(
                                name
                                        + ": no PPRRVU header (HCPCS, MOD, ... STATUS CODE, PCTC IND,"
                                        + " BILAT SURG) in its first "
                                        + PREAMBLE_LINES
                                        + " lines");
                    }
                    previous = cells;
                    continue;
                }
                if (cells.length <= max(at) || !cell(cells, at[1]).isEmpty()) {
                    // a modifier row (26, TC, 53): the global row carries the code's indicators
                    continue;
                }
                String code = Codes.procedure(cell(cells, at[0]));
                if (!CodeFormat.PROCEDURE.accepts(code)) {
                    continue;
                }
                String status = cell(cells, at[2]).toUpperCase(Locale.ROOT);
                String pcTc = cell(cells, at[3]);
                String bilateral = cell(cells, at[4]);
                if (!pcTc.isEmpty() && !pcTc.matches("[0-9]")
                        || !bilateral.isEmpty() && !bilateral.matches("[01239]")) {
                    throw new FactsException(
                            name
                                    + ":"
                                    + line
                                    + ": "
                                    + code
                                    + " has PCTC IND '"
                                    + pcTc
                                    + "' and BILAT SURG '"
                                    + bilateral
                                    + "'; expected one digit each (bilateral 0, 1, 2, 3 or 9)");
                }
                byCode.put(
                        code,
                        new FeeSchedule.Indicators(
                                status,
                                pcTc,
                                bilateral,
                                status.equals("D") ? LocalDate.of(year, 1, 1) : null,
                                name
                                        + ":"
                                        + line
                                        + " (CMS PPRRVU "
                                        + year
                                        + ": status "
                                        + status
                                        + ", PC/TC "
                                        + pcTc
                                        + ", bilateral "
                                        + bilateral
                                        + ")"));
            }
            if (at == null) {
                throw new FactsException(
                        name
                                + ": no PPRRVU header (HCPCS, MOD, ... STATUS CODE, PCTC IND, BILAT SURG)");
            }
            return new Loaded(
                    byCode,
                    name
                            + " (CMS physician fee schedule "
                            + year
                            + ", "
                            + byCode.size()
                            + " codes)");
        } catch (IOException | CsvException e) {
            throw new FactsException(
                    name + ": cannot be read as the CMS PPRRVU CSV: " + e.getMessage(), e);
        }
    }

    /** The columns by their joined two-row names; an error naming the ones missing. */
    private static int[] columns(String name, long line, String[] above, String[] header)
            throws FactsException {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String top = i < above.length ? above[i].strip() : "";
            joined.add((top.isEmpty() ? "" : top + " ") + header[i].strip());
        }
        int[] at = new int[NEEDED.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < NEEDED.size(); i++) {
            at[i] = indexOf(joined, NEEDED.get(i));
            if (at[i] < 0) {
                missing.add(NEEDED.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new FactsException(
                    name
                            + ":"
                            + line
                            + ": the PPRRVU header lacks "
                            + String.join(", ", missing)
                            + " (expected the two header rows CMS publishes, e.g. STATUS over CODE, PCTC over IND, BILAT over SURG)");
        }
        return at;
    }

    private static int indexOf(List<String> joined, String wanted) {
        for (int i = 0; i < joined.size(); i++) {
            if (joined.get(i).toUpperCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static int max(int[] at) {
        int max = 0;
        for (int i : at) {
            max = Math.max(max, i);
        }
        return max;
    }

    private static String cell(String[] cells, int at) {
        return at < cells.length ? cells[at].strip() : "";
    }

    private static int yearInName(String name) {
        Matcher year = NAME_YEAR.matcher(name);
        return year.find() ? 2000 + Integer.parseInt(year.group(1)) : 0;
    }
}
