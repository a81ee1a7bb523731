package org.claimscrubber.report;

import org.claimscrubber.input.SpreadsheetFormula;

/**
 * Neutralises CSV cells a spreadsheet would run as a formula: a cell beginning with '=', '+', '-',
 * '@', a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text and do
 * not evaluate (OWASP "CSV injection"); a plain number such as -5.00 is left as it is. Every CSV
 * the scrubber writes passes its cells through here. The test is {@link SpreadsheetFormula}, the
 * same the reader warns with.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        return SpreadsheetFormula.looksLike(value) ? "'" + value : value;
    }

    /**
     * True when a row must be written with every cell quoted: a cell holds a semicolon or a tab
     * followed by what would run as a formula. Spreadsheets in semicolon locales split on it, so
     * {@code Aetna;=1+1} written bare would run {@code =1+1} there (issue 21). Quoted, it is one
     * text cell in every locale.
     */
    public static boolean quoteAll(String[] row) {
        for (String cell : row) {
            if (cell != null && (cell.indexOf(';') >= 0 || cell.indexOf('\t') >= 0)) {
                String[] parts = cell.split("[;\t]", -1);
                for (int i = 1; i < parts.length; i++) {
                    if (SpreadsheetFormula.looksLike(parts[i])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static String[] row(String... values) {
        String[] safe = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = cell(values[i]);
        }
        return safe;
    }
}
