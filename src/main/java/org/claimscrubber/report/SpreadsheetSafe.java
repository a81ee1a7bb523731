package org.claimscrubber.report;

/**
 * Neutralises CSV cells a spreadsheet would run as a formula: a cell beginning with '=', '+', '-', '@',
 * a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text and do not evaluate
 * (OWASP "CSV injection"). Every CSV the scrubber writes passes its cells through here.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    public static String[] row(String... values) {
        String[] safe = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = cell(values[i]);
        }
        return safe;
    }
}
