package org.claimscrubber.input;

/**
 * Whether a cell would run as a formula in a spreadsheet (OWASP "CSV injection"): it begins with
 * '=', '@', a tab or a carriage return, or with '+' or '-' and is not a plain number ("-5.00" is;
 * "-2+3+cmd|x" is not). The one test both the reader (which warns) and every CSV writer (which
 * neutralises) use, so they agree.
 */
public final class SpreadsheetFormula {

    private SpreadsheetFormula() {}

    public static boolean looksLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        // Spreadsheets skip leading spaces before a formula, and read the full-width signs as the
        // ASCII ones
        // (issue 21: " =1+1" and "＝1+1" ran).
        int at = 0;
        while (at < cell.length()
                && (Character.isWhitespace(cell.charAt(at))
                        || Character.isSpaceChar(cell.charAt(at)))) {
            at++;
        }
        if (at == cell.length()) {
            return false;
        }
        char sign = ascii(cell.charAt(at));
        return sign == '='
                || sign == '@'
                || (sign == '+' || sign == '-') && !isPlainNumber(cell.substring(at));
    }

    /**
     * The full-width forms of = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20) as their ASCII characters.
     */
    private static char ascii(char c) {
        return switch (c) {
            case '\uFF1D' -> '=';
            case '\uFF0B' -> '+';
            case '\uFF0D', '\u2212' -> '-';
            case '\uFF20' -> '@';
            default -> c;
        };
    }

    /** "-5.00" or "+3": digits and dots after the sign, at least one digit. */
    private static boolean isPlainNumber(String cell) {
        boolean digit = false;
        for (int i = 1; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.') {
                return false;
            }
        }
        return digit;
    }
}
