package org.claimscrubber.facts;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.NcciEdits;

/**
 * Reads CMS NCCI edits: the curated rows for the seed codes that the project carries
 * (seeds/cms-edits-2024q3.csv) and the files as CMS publishes them, found in {@code --reference
 * DIR}: the practitioner PTP tables (tab-delimited .txt parts, a copyright preamble above the
 * header "Column 1, Column 2, ..., Effective Date, Deletion Date, Modifier, PTP Edit Rationale";
 * dates YYYYMMDD, "*" for no deletion) and the practitioner MUE table (CSV with preamble lines;
 * "HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication Indicator, MUE Rationale").
 * PTP files are streamed line by line into compact records.
 */
public final class NcciFiles {

    public static final String CURATED = "cms-edits-2024q3.csv";
    public static final String CURATED_RELEASE =
            "CMS NCCI 2024 Q3 (curated rows for the seed codes: practitioner PTP"
                    + " and MUE 2024-07-01, add-on code edits 2024-06-03)";

    /** How far into a CMS file its header may be (below the copyright preamble). */
    private static final int PREAMBLE_LINES = 40;

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** What a folder's CMS files gave; an empty list where no file of that kind was found. */
    public record Loaded(
            List<NcciEdits.PtpEdit> ptp,
            List<NcciEdits.MueEdit> mue,
            List<NcciEdits.AocEdit> aoc,
            List<String> files) {}

    private NcciFiles() {}

    /** The curated rows: PTP, MUE and AOC of the seed codes and their neighbours. */
    public static NcciEdits curated(String content) throws FactsException {
        List<NcciEdits.PtpEdit> ptp = new ArrayList<>();
        List<NcciEdits.MueEdit> mue = new ArrayList<>();
        List<NcciEdits.AocEdit> aoc = new ArrayList<>();
        for (CuratedTable.Row row :
                CuratedTable.read(
                        CURATED,
                        content,
                        List.of(
                                "edit",
                                "code",
                                "other_code",
                                "value",
                                "indicator",
                                "deletion_date",
                                "rationale"))) {
            String source = row.where() + " (" + CURATED_RELEASE + ")";
            switch (row.cell(0)) {
                case "PTP" ->
                        ptp.add(
                                new NcciEdits.PtpEdit(
                                        row.cell(1),
                                        row.cell(2),
                                        null,
                                        row.cell(5).isEmpty() ? null : LocalDate.parse(row.cell(5)),
                                        row.cell(4).charAt(0),
                                        row.cell(6),
                                        source));
                case "MUE" -> {
                    if (!row.cell(3).isEmpty()) { // "no MUE row in this release" rows have no value
                        mue.add(
                                new NcciEdits.MueEdit(
                                        row.cell(1),
                                        Integer.parseInt(row.cell(3)),
                                        Integer.parseInt(row.cell(4)),
                                        row.cell(6),
                                        source));
                    }
                }
                case "AOC" ->
                        aoc.add(
                                new NcciEdits.AocEdit(
                                        row.cell(1),
                                        List.of(row.cell(2)),
                                        Integer.parseInt(row.cell(4)),
                                        source));
                default ->
                        throw new FactsException(
                                row.where()
                                        + ": edit '"
                                        + row.cell(0)
                                        + "' is not PTP, MUE or AOC");
            }
        }
        return new NcciEdits(CURATED_RELEASE, ptp, mue, aoc);
    }

    /** The kind of CMS file, from the header below its preamble, or null when it is not one. */
    static CmsFileKind kindOf(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < PREAMBLE_LINES; i++) {
                String line = in.readLine();
                if (line == null) {
                    return null;
                }
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("column 1\tcolumn 2")) {
                    return CmsFileKind.PTP;
                }
                if (lower.contains("hcpcs/cpt code") && lower.contains("mue")) {
                    return CmsFileKind.MUE;
                }
            }
            return null;
        }
    }

    /** Streams a CMS practitioner PTP .txt part into edits. */
    static void readPtp(Path file, List<NcciEdits.PtpEdit> into)
            throws IOException, FactsException {
        String name = file.getFileName().toString();
        String source = name + " (CMS NCCI practitioner PTP)";
        // A quarter has over a million rows but only some thousand codes, dates and rationales: one
        // object each.
        Map<String, String> shared = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            int number = 0;
            boolean header = false;
            while ((line = in.readLine()) != null) {
                number++;
                if (!header) {
                    header = line.toLowerCase(Locale.ROOT).startsWith("column 1\tcolumn 2");
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                into.add(ptpEdit(line.split("\t", -1), name, number, shared, dates, source));
            }
        }
    }

    /**
     * One PTP row's cells (Column 1, Column 2, prior to 1996, Effective, Deletion, Modifier,
     * Rationale).
     */
    static NcciEdits.PtpEdit ptpEdit(
            String[] cells,
            String name,
            int number,
            Map<String, String> shared,
            Map<String, LocalDate> dates,
            String source)
            throws FactsException {
        if (cells.length < 7) {
            throw new FactsException(
                    name
                            + ":"
                            + number
                            + ": a PTP row has "
                            + cells.length
                            + " fields; expected"
                            + " Column 1, Column 2, *=in existence prior to 1996, Effective Date, Deletion Date, Modifier,"
                            + " PTP Edit Rationale");
        }
        return new NcciEdits.PtpEdit(
                shared.computeIfAbsent(Codes.procedure(cells[0]), k -> k),
                shared.computeIfAbsent(Codes.procedure(cells[1]), k -> k),
                sharedDate(dates, name, number, cells[3].strip()),
                sharedDate(dates, name, number, cells[4].strip()),
                cells[5].strip().isEmpty() ? '9' : cells[5].strip().charAt(0),
                shared.computeIfAbsent(cells[6].strip(), k -> k),
                source);
    }

    /** Reads a CMS practitioner MUE CSV (below its preamble). */
    static void readMue(Path file, List<NcciEdits.MueEdit> into)
            throws IOException, FactsException {
        String name = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
                CSVReader csv = new CSVReader(in)) {
            String[] cells;
            boolean header = false;
            while ((cells = csv.readNext()) != null) {
                long number = csv.getLinesRead();
                if (!header) {
                    String joined = String.join(",", cells).toLowerCase(Locale.ROOT);
                    header = joined.contains("hcpcs/cpt code") && joined.contains("mue");
                    continue;
                }
                if (cells.length < 3 || cells[0].isBlank()) {
                    continue;
                }
                into.add(mueEdit(cells, name, number));
            }
        } catch (CsvException | NumberFormatException e) {
            throw new FactsException(
                    name
                            + ": cannot be read as the CMS practitioner MUE table (HCPCS/CPT Code,"
                            + " Practitioner Services MUE Values, MUE Adjudication Indicator, MUE Rationale)");
        }
    }

    /** One MUE row's cells (HCPCS/CPT Code, MUE Value, Adjudication Indicator text, Rationale). */
    static NcciEdits.MueEdit mueEdit(String[] cells, String name, long number)
            throws FactsException {
        String mai = cells[2].strip();
        if (mai.isEmpty() || !Character.isDigit(mai.charAt(0))) {
            throw new FactsException(
                    name
                            + ":"
                            + number
                            + ": MUE Adjudication Indicator '"
                            + mai
                            + "' does not start with 1, 2 or 3");
        }
        String value = cells[1].strip();
        int units;
        try {
            units = new BigDecimal(value).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FactsException(
                    name + ":" + number + ": MUE value '" + value + "' is not a whole number");
        }
        return new NcciEdits.MueEdit(
                Codes.procedure(cells[0]),
                units,
                mai.charAt(0) - '0',
                cells.length > 3 ? cells[3].strip() : "",
                name + " (CMS NCCI practitioner MUE)");
    }

    static LocalDate sharedDate(Map<String, LocalDate> dates, String name, int number, String text)
            throws FactsException {
        LocalDate known = dates.get(text);
        if (known == null && !dates.containsKey(text)) {
            known = date(name, number, text);
            dates.put(text, known);
        }
        return known;
    }

    private static LocalDate date(String name, int number, String text) throws FactsException {
        String value = text.strip();
        if (value.isEmpty() || value.equals("*")) {
            return null;
        }
        try {
            return LocalDate.parse(value, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new FactsException(
                    name
                            + ":"
                            + number
                            + ": '"
                            + value
                            + "' is not a date (YYYYMMDD, or * for none)");
        }
    }
}
