package org.claimscrubber.domain;

/**
 * Kinds of service some modifiers are limited to, by CPT code range: evaluation and management (25,
 * 57 and 24 go on an E/M line only) and clinical laboratory tests (91).
 */
public final class ServiceKinds {

    private ServiceKinds() {}

    /**
     * CPT E/M 99202-99499, and the ophthalmological general services 92002-92014, which the NCCI
     * Policy Manual (chapter XI) lets take modifier 25 like an E/M.
     */
    public static boolean isEvaluationAndManagement(String code) {
        return inRange(code, "99202", "99499") || inRange(code, "92002", "92014");
    }

    /** CPT Pathology and Laboratory 80047-89398, and proprietary laboratory analyses (NNNNU). */
    public static boolean isLaboratory(String code) {
        return inRange(code, "80047", "89398")
                || code.length() == 5 && code.charAt(4) == 'U' && Character.isDigit(code.charAt(0));
    }

    private static boolean inRange(String code, String from, String to) {
        return code.length() == 5
                && Character.isDigit(code.charAt(4))
                && code.compareTo(from) >= 0
                && code.compareTo(to) <= 0;
    }
}
