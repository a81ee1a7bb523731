package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * When HCPCS Level II codes are in effect, from the CMS quarterly HCPCS file a user gives with
 * {@code --reference} (its ADD DT and TERM DT: the first and last dates a code may be used). Held
 * as a map, not rule facts: the file has some 8,000 codes. One object in every session, asked
 * through the global {@code hcpcs}.
 */
public final class CodeDates {

    /** A code's first and last date of use (null: none given), and where they were read. */
    public record Dates(LocalDate added, LocalDate terminated, String source) {}

    private final Map<String, Dates> byCode;
    private final String release;

    /**
     * @param release what the file was ("HCPC2026_JAN_ANWEB.xlsx (...)"), or "" without one
     */
    public CodeDates(Map<String, Dates> byCode, String release) {
        this.byCode = new HashMap<>(byCode);
        this.release = release;
    }

    public static CodeDates none() {
        return new CodeDates(Map.of(), "");
    }

    public String release() {
        return release;
    }

    public boolean lists(String code) {
        return byCode.containsKey(code);
    }

    /**
     * True when the file lists the code and the date is before it was added, or after its
     * termination date.
     */
    public boolean isOutOfEffectOn(String code, LocalDate date) {
        Dates dates = byCode.get(code);
        return dates != null
                && date != null
                && (dates.added() != null && date.isBefore(dates.added())
                        || dates.terminated() != null && date.isAfter(dates.terminated()));
    }

    public Dates dates(String code) {
        return byCode.get(code);
    }

    /** "added 2024-01-01", "terminated after 2025-12-31", for messages. */
    public String describe(String code, LocalDate date) {
        Dates dates = byCode.get(code);
        if (dates == null) {
            return "";
        }
        return dates.added() != null && date.isBefore(dates.added())
                ? "in effect from " + dates.added()
                : "terminated: last date of use " + dates.terminated();
    }

    @Override
    public String toString() {
        return "HCPCS code dates (" + (release.isEmpty() ? "none loaded" : release) + ")";
    }
}
