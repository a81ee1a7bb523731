package org.claimscrubber.domain;

/**
 * What a procedure code of the right shape must also be to exist, by the code sets' own structure.
 * CPT Category I codes are five digits in the published section ranges; the other CPT codes are
 * four digits and a letter naming their kind (F Category II, T Category III, U proprietary
 * laboratory analyses, M multianalyte assays with algorithmic analyses, A vaccine administration).
 * HCPCS Level II is a letter and four digits.
 */
public final class ProcedureCodes {

    /**
     * The CPT Category I sections: anesthesia, surgery, radiology, pathology and laboratory,
     * medicine (with E/M).
     */
    private static final int[][] CATEGORY_I = {
        {100, 1999}, {10004, 69990}, {70010, 79999}, {80047, 89398}, {90281, 99607}
    };

    private static final String CPT_LETTERS = "FTUMA";

    private ProcedureCodes() {}

    /**
     * True for a code of the CPT/HCPCS shape that no CPT section or code kind admits (03522,
     * 0352X).
     */
    public static boolean isOutsideTheCodeSets(String code) {
        return !problem(code).isEmpty();
    }

    /** Why a well-formed code is not in CPT ("" when it may be): for the finding's message. */
    public static String problem(String code) {
        if (!CodeFormat.PROCEDURE.accepts(code) || !Character.isDigit(code.charAt(0))) {
            return "";
        }
        char last = code.charAt(4);
        if (Character.isDigit(last)) {
            int number = Integer.parseInt(code);
            for (int[] range : CATEGORY_I) {
                if (number >= range[0] && number <= range[1]) {
                    return "";
                }
            }
            return "a five-digit code outside every CPT Category I section (anesthesia 00100-01999, surgery"
                    + " 10004-69990, radiology 70010-79999, pathology and laboratory 80047-89398, medicine 90281-99607)";
        }
        return CPT_LETTERS.indexOf(last) >= 0
                ? ""
                : "four digits and the letter "
                        + last
                        + ", which no CPT code kind"
                        + " ends with (F Category II, T Category III, U proprietary laboratory, M multianalyte assay, A vaccine"
                        + " administration)";
    }
}
