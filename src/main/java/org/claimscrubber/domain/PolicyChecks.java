package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The small helpers the DRL generated from a policy table calls (see docs/rules.md, "Payer policy tables"), so a
 * generated rule reads as its row does: codes and ranges, the dates in effect, diagnosis categories, taxonomy
 * classifications. Lists arrive as the table wrote them, items separated by ';'.
 */
public final class PolicyChecks {

    private PolicyChecks() {
    }

    /** True when the code is one of the list's codes or inside one of its ranges ("0352T; 19301-19302"). */
    public static boolean codeIn(String code, String list) {
        for (String item : list.split(";")) {
            String entry = item.strip();
            int dash = entry.indexOf('-');
            if (dash > 0) {
                String from = entry.substring(0, dash).strip();
                String to = entry.substring(dash + 1).strip();
                if (code.length() == from.length() && code.compareTo(from) >= 0 && code.compareTo(to) <= 0) {
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
        return date != null && (from.isEmpty() || !date.isBefore(LocalDate.parse(from)))
                && (to.isEmpty() || !date.isAfter(LocalDate.parse(to)));
    }

    /** True when a diagnosis starts with one of the list's codes or categories ("C50; D05"). */
    public static boolean hasDiagnosisIn(List<Diagnosis> diagnoses, String list) {
        for (Diagnosis diagnosis : diagnoses) {
            for (String item : list.split(";")) {
                if (!item.isBlank() && diagnosis.code().startsWith(Codes.diagnosis(item))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the modifiers include one of the list's. */
    public static boolean hasModifierIn(List<String> modifiers, String list) {
        for (String item : list.split(";")) {
            if (modifiers.contains(Codes.modifier(item))) {
                return true;
            }
        }
        return false;
    }

    /** True when the value is one of the list's items (places of service, classifications), any case. */
    public static boolean oneOf(String value, String list) {
        if (value == null) {
            return false;
        }
        for (String item : list.split(";")) {
            if (item.strip().equalsIgnoreCase(value.strip())) {
                return true;
            }
        }
        return false;
    }
}
