package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small helpers the DRL generated from a policy table calls (see docs/rules.md, "Payer policy
 * tables"), so a generated rule reads as its row does: codes and ranges, the dates in effect,
 * diagnosis categories, taxonomy classifications. Lists arrive as the table wrote them, items
 * separated by ';'.
 */
public final class PolicyChecks {

    private PolicyChecks() {}

    // A generated rule asks these on every line with the same few literal lists: each is split and
    // parsed once.
    private static final Map<String, List<String>> ITEMS = new ConcurrentHashMap<>();
    private static final Map<String, LocalDate> DATES = new ConcurrentHashMap<>();

    private static List<String> items(String list) {
        return ITEMS.computeIfAbsent(
                list,
                l ->
                        Arrays.stream(l.split(";"))
                                .map(String::strip)
                                .filter(item -> !item.isEmpty())
                                .toList());
    }

    /**
     * True when the code is one of the list's codes or inside one of its ranges ("0352T;
     * 19301-19302").
     */
    public static boolean codeIn(String code, String list) {
        for (String entry : items(list)) {
            int dash = entry.indexOf('-');
            if (dash > 0) {
                String from = entry.substring(0, dash).strip();
                String to = entry.substring(dash + 1).strip();
                if (code.length() == from.length()
                        && code.compareTo(from) >= 0
                        && code.compareTo(to) <= 0) {
                    return true;
                }
            } else if (entry.equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** True when the date is on or after {@code from} and on or before {@code to} (empty: open). */
    public static boolean inEffect(LocalDate date, String from, String to) {
        return date != null
                && (from.isEmpty() || !date.isBefore(DATES.computeIfAbsent(from, LocalDate::parse)))
                && (to.isEmpty() || !date.isAfter(DATES.computeIfAbsent(to, LocalDate::parse)));
    }

    /** True when a diagnosis starts with one of the list's codes or categories ("C50; D05"). */
    public static boolean hasDiagnosisIn(List<Diagnosis> diagnoses, String list) {
        for (Diagnosis diagnosis : diagnoses) {
            for (String item : items(list)) {
                if (diagnosis.code().startsWith(Codes.diagnosis(item))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the modifiers include one of the list's. */
    public static boolean hasModifierIn(List<String> modifiers, String list) {
        for (String item : items(list)) {
            if (modifiers.contains(Codes.modifier(item))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the value is one of the list's items (places of service, classifications), any
     * case.
     */
    public static boolean oneOf(String value, String list) {
        if (value == null) {
            return false;
        }
        for (String item : items(list)) {
            if (item.equalsIgnoreCase(value.strip())) {
                return true;
            }
        }
        return false;
    }
}
