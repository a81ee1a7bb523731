package org.claimscrubber.domain;

/**
 * A diagnosis code on a claim line, with the side and sex its ICD-10-CM structure implies. Side and
 * sex come from the code, never from a document's description (seed 001 swaps C50.911/C50.912).
 */
public record Diagnosis(String code, Side side, Sex impliedSex) {

    /** {@code code} must already be normalised (see {@link Codes#diagnosis}). */
    public static Diagnosis of(String code) {
        return new Diagnosis(code, sideOf(code), sexOf(code));
    }

    /**
     * C50.&lt;site&gt;&lt;sex&gt;&lt;side&gt; (side 1 right, 2 left, 9 unspecified);
     * D05.&lt;type&gt;&lt;side&gt; (1 right, 2 left, 0 unspecified); N63.1x right and N63.2x left
     * breast.
     */
    static Side sideOf(String code) {
        if (code.startsWith("C50.") && code.length() == 7) {
            return digitSide(code.charAt(6), '1', '2', '9');
        }
        if (code.startsWith("D05.") && code.length() == 6) {
            return digitSide(code.charAt(5), '1', '2', '0');
        }
        if (code.startsWith("N63.") && code.length() >= 5) {
            return digitSide(code.charAt(4), '1', '2', '0');
        }
        return Side.NOT_SIDED;
    }

    private static Side digitSide(char digit, char right, char left, char unspecified) {
        if (digit == right) {
            return Side.RIGHT;
        }
        if (digit == left) {
            return Side.LEFT;
        }
        return digit == unspecified ? Side.UNSPECIFIED : Side.NOT_SIDED;
    }

    /**
     * C50.&lt;site&gt;&lt;sex&gt;&lt;side&gt;: sex digit 1 female, 2 male. Otherwise the ICD-10-CM
     * blocks for organs of one sex: female C51-C58, D06, D25-D28, D39, N70-N98; male C60-C63, D29,
     * D40, N40-N53; and pregnancy, which is female: chapter 15 (O00-O9A) and the pregnancy Z codes
     * Z33, Z34, Z36, Z37, Z39 and Z3A (not Z38, the liveborn infant's own code).
     */
    static Sex sexOf(String code) {
        if (code.startsWith("C50.") && code.length() == 7) {
            char sex = code.charAt(5);
            return sex == '1' ? Sex.FEMALE : sex == '2' ? Sex.MALE : Sex.UNKNOWN;
        }
        if (code.length() < 3) {
            return Sex.UNKNOWN;
        }
        char chapter = code.charAt(0);
        int block = twoDigits(code);
        if (chapter == 'O' || isPregnancyZCode(code)) {
            return Sex.FEMALE;
        }
        if (block < 0) {
            return Sex.UNKNOWN;
        }
        if (chapter == 'C') {
            return block >= 51 && block <= 58
                    ? Sex.FEMALE
                    : block >= 60 && block <= 63 ? Sex.MALE : Sex.UNKNOWN;
        }
        if (chapter == 'D') {
            return block == 6 || (block >= 25 && block <= 28) || block == 39
                    ? Sex.FEMALE
                    : block == 29 || block == 40 ? Sex.MALE : Sex.UNKNOWN;
        }
        if (chapter == 'N') {
            return block >= 70 && block <= 98
                    ? Sex.FEMALE
                    : block >= 40 && block <= 53 ? Sex.MALE : Sex.UNKNOWN;
        }
        return Sex.UNKNOWN;
    }

    private static boolean isPregnancyZCode(String code) {
        if (code.charAt(0) != 'Z' || code.charAt(1) != '3') {
            return false;
        }
        char third = code.charAt(2);
        return third == '3'
                || third == '4'
                || third == '6'
                || third == '7'
                || third == '9'
                || third == 'A';
    }

    private static int twoDigits(String code) {
        char tens = code.charAt(1);
        char ones = code.charAt(2);
        return Character.isDigit(tens) && Character.isDigit(ones)
                ? (tens - '0') * 10 + (ones - '0')
                : -1;
    }
}
