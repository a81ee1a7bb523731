package org.claimscrubber.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The billable ICD-10-CM codes of one release, as the CDC/NCHS codes file lists them ({@code
 * icd10cm-codes-2026.txt}: code in columns 1-7 without its dot, the long description from column 9). Held as
 * two sorted arrays, not as 74,719 rule facts: a look-up is a binary search, and "is this a category header?"
 * is "does a billable code start with it?".
 */
public final class IcdCodeList {

    /** The FY2026 list the jar carries (public domain; provenance in docs/reference-data.md). */
    public static final String BUNDLED_RESOURCE = "/reference/icd10cm-codes-2026.txt.gz";
    public static final String BUNDLED_RELEASE = "ICD-10-CM FY2026 (CDC/NCHS icd10cm-codes-2026.txt)";

    private static volatile IcdCodeList bundled;

    private final String release;
    private final String[] codes;
    private final String[] labels;

    private IcdCodeList(String release, String[] codes, String[] labels) {
        this.release = release;
        this.codes = codes;
        this.labels = labels;
    }

    /** The bundled FY2026 list, read once per process (about 0.1 s). */
    public static IcdCodeList bundled() {
        IcdCodeList list = bundled;
        if (list == null) {
            synchronized (IcdCodeList.class) {
                list = bundled;
                if (list == null) {
                    try (InputStream in = IcdCodeList.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the build did not bundle " + BUNDLED_RESOURCE);
                        }
                        list = read(BUNDLED_RELEASE, new GZIPInputStream(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("the bundled ICD-10-CM list cannot be read", e);
                    }
                    bundled = list;
                }
            }
        }
        return list;
    }

    /** A codes file a user gives with --reference, e.g. a newer release. */
    public static IcdCodeList read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in);
        }
    }

    /** True when a line has the codes file's shape: a code of 3 to 7 characters, padded to 7, a space, text. */
    public static boolean looksLikeCodesLine(String line) {
        if (line.length() < 10 || line.charAt(7) != ' ' || line.charAt(8) == ' ') {
            return false;
        }
        String code = line.substring(0, 7).strip();
        return code.length() >= 3 && Character.isUpperCase(code.charAt(0)) && Character.isDigit(code.charAt(1))
                && code.chars().allMatch(c -> Character.isDigit(c) || c >= 'A' && c <= 'Z');
    }

    /** A list from billable codes and their labels (e.g. the billable rows of a CMS order file). */
    public static IcdCodeList of(String release, java.util.Map<String, String> labelsByCode) {
        String[] codes = labelsByCode.keySet().toArray(String[]::new);
        Arrays.sort(codes);
        String[] labels = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            labels[i] = labelsByCode.get(codes[i]);
        }
        return new IcdCodeList(release, codes, labels);
    }

    private static IcdCodeList read(String release, InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>(80_000);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        String line;
        while ((line = reader.readLine()) != null) {
            if (looksLikeCodesLine(line)) {
                rows.add(new String[] {Codes.diagnosis(line.substring(0, 7).strip()), line.substring(8).strip()});
            }
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        String[] codes = new String[rows.size()];
        String[] labels = new String[rows.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rows.get(i)[0];
            labels[i] = rows.get(i)[1];
        }
        return new IcdCodeList(release, codes, labels);
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
     * The first billable code that extends {@code code} (C50.91 gives C50.911), or null when none does.
     * A category written without its dot (C50) is extended by codes that go on after the dot.
     */
    public String firstExtension(String code) {
        int at = Arrays.binarySearch(codes, code);
        int next = at >= 0 ? at + 1 : -at - 1;
        return next < codes.length && codes[next].startsWith(code) && !codes[next].equals(code) ? codes[next] : null;
    }
}
