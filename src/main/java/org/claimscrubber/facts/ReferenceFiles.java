package org.claimscrubber.facts;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimscrubber.domain.CodeDates;
import org.claimscrubber.domain.CodeEntry;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.IcdCodeList;
import org.claimscrubber.domain.NcciEdits;

/**
 * Full official code sets in their published formats, from the folder {@code --reference DIR}
 * names: the NUCC Health Care Provider Taxonomy CSV (header {@code
 * Code,Grouping,Classification,...}) and the CMS ICD-10-CM order file (fixed columns: order number,
 * code, header flag 0/1, short and long description), and the CDC/NCHS ICD-10-CM codes file
 * (billable codes only: code in columns 1-7, description from column 9). Files are recognised by
 * their content, whatever their names; other files are listed as ignored.
 */
public record ReferenceFiles(
        String folder,
        Map<String, CodeEntry> taxonomies,
        Map<String, CodeEntry> diagnoses,
        List<IcdCodeList> diagnosisLists,
        NcciFiles.Loaded ncci,
        PprrvuFile.Loaded feeSchedule,
        CodeDates hcpcs,
        List<String> loaded,
        List<String> ignored) {

    public ReferenceFiles {
        diagnosisLists = List.copyOf(diagnosisLists);
    }

    private static final Pattern ORDER_LINE =
            Pattern.compile("^\\d{5} [A-Z0-9][A-Z0-9 ]{6} [01] .*");

    public static ReferenceFiles none() {
        return new ReferenceFiles(
                null,
                Map.of(),
                Map.of(),
                List.of(),
                new NcciFiles.Loaded(List.of(), List.of(), List.of(), List.of()),
                null,
                CodeDates.none(),
                List.of(),
                List.of());
    }

    public boolean hasTaxonomies() {
        return !taxonomies.isEmpty();
    }

    public boolean hasDiagnoses() {
        return !diagnosisLists.isEmpty();
    }

    public static ReferenceFiles load(Path dir) throws FactsException {
        if (!Files.isDirectory(dir)) {
            throw new FactsException(
                    "reference directory " + dir + " does not exist or is not a directory");
        }
        Map<String, CodeEntry> taxonomies = new LinkedHashMap<>();
        Map<String, CodeEntry> diagnoses = new LinkedHashMap<>();
        List<String> loaded = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<IcdCodeList> diagnosisLists = new ArrayList<>();
        PprrvuFile.Loaded feeSchedule = null;
        Map<String, CodeDates.Dates> hcpcsDates = new HashMap<>();
        List<String> hcpcsFiles = new ArrayList<>();
        List<NcciEdits.PtpEdit> ptp = new ArrayList<>();
        List<NcciEdits.MueEdit> mue = new ArrayList<>();
        List<NcciEdits.AocEdit> aoc = new ArrayList<>();
        List<String> ncciFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                    CmsFileKind kind = CmsWorkbooks.kindOf(file);
                    if (kind == null) {
                        ignored.add(name);
                        continue;
                    }
                    if (kind == CmsFileKind.HCPCS) {
                        int before = hcpcsDates.size();
                        CmsWorkbooks.readHcpcs(file, hcpcsDates);
                        loaded.add(
                                name
                                        + " (CMS HCPCS quarterly file, "
                                        + (hcpcsDates.size() - before)
                                        + " codes)");
                        hcpcsFiles.add(name);
                        continue;
                    }
                    int before = ptp.size() + mue.size() + aoc.size(); // one of the three grows
                    switch (kind) {
                        case PTP -> CmsWorkbooks.readPtp(file, ptp);
                        case MUE -> CmsWorkbooks.readMue(file, mue);
                        case AOC -> CmsWorkbooks.readAoc(file, aoc);
                        case HCPCS -> throw new IllegalStateException("HCPCS files are read above");
                    }
                    int after = ptp.size() + mue.size() + aoc.size();
                    loaded.add(
                            name
                                    + " (CMS NCCI "
                                    + kind
                                    + " workbook, "
                                    + (after - before)
                                    + " edits)");
                    ncciFiles.add(name);
                    continue;
                }
                CmsFileKind ncciKind;
                String first = firstLine(file);
                if (first.startsWith("Code,Grouping,Classification")) {
                    readNucc(file, taxonomies);
                    loaded.add(name + " (NUCC taxonomy, " + taxonomies.size() + " codes)");
                } else if (PprrvuFile.looksLikeOne(file)) {
                    if (feeSchedule != null) {
                        throw new FactsException(
                                "reference directory "
                                        + dir
                                        + " holds two PPRRVU files ("
                                        + feeSchedule.release()
                                        + " and "
                                        + name
                                        + "); give the one for the claims' dates");
                    }
                    feeSchedule = PprrvuFile.read(file);
                    loaded.add(
                            feeSchedule.release()
                                    + ": PPRRVU status, PC/TC and bilateral indicators");
                } else if (ORDER_LINE.matcher(first).matches()) {
                    Map<String, CodeEntry> codes = new LinkedHashMap<>();
                    readOrderFile(file, codes);
                    diagnoses.putAll(codes);
                    Map<String, String> billable = new LinkedHashMap<>();
                    codes.values().stream()
                            .filter(CodeEntry::billable)
                            .forEach(entry -> billable.put(entry.code(), entry.label()));
                    IcdCodeList list =
                            IcdCodeList.of(name, IcdCodeList.fiscalYearNamedIn(name), billable);
                    diagnosisLists.add(list);
                    loaded.add(
                            name
                                    + " (ICD-10-CM order file, "
                                    + codes.size()
                                    + " codes, "
                                    + yearCovered(list)
                                    + ")");
                } else if ((ncciKind = NcciFiles.kindOf(file)) == CmsFileKind.PTP) {
                    int before = ptp.size();
                    NcciFiles.readPtp(file, ptp);
                    loaded.add(
                            name
                                    + " (CMS NCCI practitioner PTP, "
                                    + (ptp.size() - before)
                                    + " edits)");
                    ncciFiles.add(name);
                } else if (AocTextFile.looksLikeOne(first)) {
                    int before = aoc.size();
                    AocTextFile.read(file, aoc);
                    loaded.add(
                            name
                                    + " (CMS NCCI add-on code edits, fixed width, "
                                    + (aoc.size() - before)
                                    + " edits)");
                    ncciFiles.add(name);
                } else if (ncciKind == CmsFileKind.MUE) {
                    int before = mue.size();
                    NcciFiles.readMue(file, mue);
                    loaded.add(
                            name
                                    + " (CMS NCCI practitioner MUE, "
                                    + (mue.size() - before)
                                    + " edits)");
                    ncciFiles.add(name);
                } else if (IcdCodeList.looksLikeCodesLine(first)) {
                    IcdCodeList list = IcdCodeList.read(file);
                    diagnosisLists.add(list);
                    loaded.add(
                            name
                                    + " (ICD-10-CM codes file, "
                                    + list.size()
                                    + " billable codes, "
                                    + yearCovered(list)
                                    + ")");
                } else {
                    ignored.add(name);
                }
            }
        } catch (IOException e) {
            throw new FactsException(
                    "reference directory " + dir + " cannot be read: " + e.getMessage(), e);
        }
        if (loaded.isEmpty()) {
            throw new FactsException(
                    "reference directory "
                            + dir
                            + " holds no NUCC taxonomy CSV, no ICD-10-CM"
                            + " order or codes file, no CMS NCCI PTP, MUE or add-on code edit file, no CMS PPRRVU and no HCPCS file"
                            + (ignored.isEmpty()
                                    ? ""
                                    : " (found " + String.join(", ", ignored) + ")"));
        }
        return new ReferenceFiles(
                dir.toString(),
                taxonomies,
                diagnoses,
                diagnosisLists,
                new NcciFiles.Loaded(ptp, mue, aoc, ncciFiles),
                feeSchedule,
                new CodeDates(
                        hcpcsDates,
                        hcpcsFiles.isEmpty()
                                ? ""
                                : String.join(", ", hcpcsFiles)
                                        + " (CMS HCPCS, "
                                        + hcpcsDates.size()
                                        + " codes)"),
                loaded,
                ignored);
    }

    /** What dates an ICD-10-CM list covers, as the run lists it. */
    private static String yearCovered(IcdCodeList list) {
        int year = list.fiscalYear();
        return year == IcdCodeList.ANY_YEAR
                ? "no fiscal year in its name, so it covers every date no dated list covers"
                : "FY" + year + ": dates of service " + (year - 1) + "-10-01 to " + year + "-09-30";
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? "" : line.replace("\uFEFF", "").replace("ï»¿", "");
        }
    }

    /**
     * NUCC: the label is Grouping / Classification / Specialization, as official-facts.csv writes
     * it.
     */
    private static void readNucc(Path file, Map<String, CodeEntry> into) throws FactsException {
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReaderBuilder(in).withSkipLines(1).build()) {
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                if (cells.length < 4 || cells[0].isBlank()) {
                    continue;
                }
                String label =
                        String.join(
                                " / ",
                                Stream.of(cells[1], cells[2], cells[3])
                                        .map(String::strip)
                                        .filter(part -> !part.isEmpty())
                                        .toList());
                into.put(
                        cells[0].strip(),
                        new CodeEntry(
                                cells[0].strip(), label, true, name + ":" + csv.getLinesRead()));
            }
        } catch (IOException | CsvException e) {
            throw new FactsException(
                    name + ": cannot be read as the NUCC taxonomy CSV: " + e.getMessage(), e);
        }
    }

    /**
     * The order file: code in columns 7-13 (no dot), header flag in 15 (0 header, 1 billable), long
     * description from 78.
     */
    private static void readOrderFile(Path file, Map<String, CodeEntry> into) throws IOException {
        String name = file.getFileName().toString();
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.length() < 16 || !ORDER_LINE.matcher(line).matches()) {
                    continue;
                }
                String code = Codes.diagnosis(line.substring(6, 13).strip());
                boolean billable = line.charAt(14) == '1';
                String label =
                        line.length() > 77
                                ? line.substring(77).strip()
                                : line.substring(Math.min(16, line.length())).strip();
                into.put(code, new CodeEntry(code, label, billable, name + ":" + number));
            }
        }
    }
}
