package org.claimscrubber.report;

/**
 * Neutralises CSV cells a spreadsheet would run as a formula: a cell beginning with '=', '+', '-', '@',
 * a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text and do not evaluate
 * (OWASP "CSV injection"); a plain number such as -5.00 is left as it is. Every CSV the scrubber writes
 * passes its cells through here. (An input cell like that is also an INPUT warning, so its claim is held,
 * and clean-claims.csv only ever holds rows as they came.)
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || (first == '+' || first == '-') && !isNumber(value);
        return formula ? "'" + value : value;
    }

    /** "-5.00" or "+3" is a number, which a spreadsheet shows as such; it is left as written. */
    private static boolean isNumber(String value) {
        boolean digit = false;
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (c != '.') {
                return false;
            }
        }
        return digit;
    }

    public static String[] row(String... values) {
        String[] safe = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = cell(values[i]);
        }
        return safe;
    }
}
