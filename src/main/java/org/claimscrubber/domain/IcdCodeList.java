package org.claimscrubber.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The billable ICD-10-CM codes of one fiscal year, as the CDC/NCHS codes file lists them ({@code
 * icd10cm-codes-2026.txt}: code in columns 1-7 without its dot, the long description from column
 * 9). Held as two sorted arrays, not as 74,719 rule facts: a look-up is a binary search, and "is
 * this a category header?" is "does a billable code start with it?".
 *
 * <p>A code is valid only in the fiscal years that list it (FY2026 added E11.A and deleted G35),
 * and a fiscal year runs from 1 October to 30 September: FY2026 covers dates of service 2025-10-01
 * to 2026-09-30. A list whose year is not known ({@link #ANY_YEAR}, a file named without one)
 * covers any date no dated list covers.
 */
public final class IcdCodeList {

    /** The fiscal year of a list whose file name gives none. */
    public static final int ANY_YEAR = 0;

    /**
     * The lists the jar carries, by fiscal year (public domain; provenance in
     * docs/reference-data.md).
     */
    private static final int[] BUNDLED_YEARS = {2025, 2026};

    private static volatile List<IcdCodeList> bundled;

    private final String release;
    private final int fiscalYear;
    private final String[] codes;
    private final String[] labels;

    private IcdCodeList(String release, int fiscalYear, String[] codes, String[] labels) {
        this.release = release;
        this.fiscalYear = fiscalYear;
        this.codes = codes;
        this.labels = labels;
    }

    /**
     * The bundled FY2025 and FY2026 lists, oldest first, read once per process (about 0.1 s each).
     */
    public static List<IcdCodeList> bundled() {
        List<IcdCodeList> lists = bundled;
        if (lists == null) {
            synchronized (IcdCodeList.class) {
                lists = bundled;
                if (lists == null) {
                    List<IcdCodeList> read = new ArrayList<>();
                    for (int year : BUNDLED_YEARS) {
                        read.add(bundled(year));
                    }
                    lists = List.copyOf(read);
                    bundled = lists;
                }
            }
        }
        return lists;
    }

    private static IcdCodeList bundled(int year) {
        String resource = "/reference/icd10cm-codes-" + year + ".txt.gz";
        try (InputStream in = IcdCodeList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the build did not bundle " + resource);
            }
            return read(
                    "ICD-10-CM FY" + year + " (CDC/NCHS icd10cm-codes-" + year + ".txt)",
                    year,
                    new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the bundled ICD-10-CM list " + resource + " cannot be read", e);
        }
    }

    /** A codes file a user gives with --reference; its fiscal year is the one its name gives. */
    public static IcdCodeList read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, fiscalYearNamedIn(name), in);
        }
    }

    /**
     * The fiscal year a file name gives (icd10cm-codes-2027.txt, icd10cm_order_2027.txt), or {@link
     * #ANY_YEAR}.
     */
    public static int fiscalYearNamedIn(String fileName) {
        Matcher year = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])").matcher(fileName);
        return year.find() ? Integer.parseInt(year.group(1)) : ANY_YEAR;
    }

    /** The fiscal year a date of service falls in: FY2026 is 2025-10-01 to 2026-09-30. */
    public static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    /**
     * True when a line has the codes file's shape: a code of 3 to 7 letters and digits that begins
     * with a letter, padded to 7, a space, text. The second character may be a letter: FY2026 added
     * QA00101 and 12 more QA0 codes.
     */
    public static boolean looksLikeCodesLine(String line) {
        if (line.length() < 10 || line.charAt(7) != ' ' || line.charAt(8) == ' ') {
            return false;
        }
        String code = line.substring(0, 7).strip();
        return code.length() >= 3
                && Character.isUpperCase(code.charAt(0))
                && code.chars().allMatch(c -> Character.isDigit(c) || c >= 'A' && c <= 'Z');
    }

    /** A list from billable codes and their labels (e.g. the billable rows of a CMS order file). */
    public static IcdCodeList of(String release, int fiscalYear, Map<String, String> labelsByCode) {
        String[] codes = labelsByCode.keySet().toArray(String[]::new);
        Arrays.sort(codes);
        String[] labels = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            labels[i] = labelsByCode.get(codes[i]);
        }
        return new IcdCodeList(release, fiscalYear, codes, labels);
    }

    private static IcdCodeList read(String release, int fiscalYear, InputStream in)
            throws IOException {
        List<String[]> rows = new ArrayList<>(80_000);
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        String line;
        while ((line = reader.readLine()) != null) {
            if (looksLikeCodesLine(line)) {
                rows.add(
                        new String[] {
                            Codes.diagnosis(line.substring(0, 7).strip()), line.substring(8).strip()
                        });
            }
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        String[] codes = new String[rows.size()];
        String[] labels = new String[rows.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rows.get(i)[0];
            labels[i] = rows.get(i)[1];
        }
        return new IcdCodeList(release, fiscalYear, codes, labels);
    }

    /** The fiscal year the list is for, or {@link #ANY_YEAR}. */
    public int fiscalYear() {
        return fiscalYear;
    }

    /** "FY2026", or the file name for a list of no known year. */
    public String yearLabel() {
        return fiscalYear == ANY_YEAR ? release : "FY" + fiscalYear;
    }

    public String release() {
        return release;
    }

    public int size() {
        return codes.length;
    }

    public boolean isBillable(String code) {
        return Arrays.binarySearch(codes, code) >= 0;
    }

    /** The official long description of a billable code, or null. */
    public String label(String code) {
        int at = Arrays.binarySearch(codes, code);
        return at >= 0 ? labels[at] : null;
    }

    /**
     * The first billable code that extends {@code code} (C50.91 gives C50.911), or null when none
     * does. A category written without its dot (C50) is extended by codes that go on after the dot.
     */
    public String firstExtension(String code) {
        int at = Arrays.binarySearch(codes, code);
        int next = at >= 0 ? at + 1 : -at - 1;
        return next < codes.length && codes[next].startsWith(code) && !codes[next].equals(code)
                ? codes[next]
                : null;
    }
}
