package org.claimscrubber.input;

/**
 * Whether a cell would run as a formula in a spreadsheet (OWASP "CSV injection"): it begins with '=', '@', a
 * tab or a carriage return, or with '+' or '-' and is not a plain number ("-5.00" is; "-2+3+cmd|x" is not).
 * The one test both the reader (which warns) and every CSV writer (which neutralises) use, so they agree.
 */
public final class SpreadsheetFormula {

    private SpreadsheetFormula() {
    }

    public static boolean looksLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '@' || first == '\t' || first == '\r'
                || (first == '+' || first == '-') && !isPlainNumber(cell);
    }

    /** "-5.00" or "+3": digits and dots after the sign, at least one digit. */
    private static boolean isPlainNumber(String cell) {
        boolean digit = false;
        for (int i = 1; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (c != '.') {
                return false;
            }
        }
        return digit;
    }
}
