package org.claimscrubber.input;

/**
 * A charge as exports write it: plain decimal digits with at most two decimals, optionally with a
 * minus, a dollar sign and correctly grouped thousands commas ({@code 4210.00}, {@code $4,210},
 * {@code -5.00}, {@code -$5}). Only ASCII digits, at most 13 before the point (under ten trillion
 * dollars), so nothing overflows. Anything else ({@code ١٠٠}, {@code 1.234,00}, {@code 12,34}) is
 * not a charge: the row gets an INPUT-002 and the charge is left out of the totals, instead of
 * being read as some other amount (issue 21: $175,924 from Arabic-Indic digits, $1.23 from a
 * European 1.234,00, and a negative total from an overflow).
 */
public final class Charge {

    /** What {@link #cents} returns for text that is not a charge. */
    public static final long NOT_A_CHARGE = Long.MIN_VALUE;

    private static final int MAX_DIGITS = 13;

    private Charge() {}

    /** The charge in cents, 0 for an empty cell, or {@link #NOT_A_CHARGE}. */
    public static long cents(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return 0;
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(i) == '-') {
            negative = true;
            i++;
        }
        if (i < s.length() && s.charAt(i) == '$') {
            i++;
        }
        if (!negative && i < s.length() && s.charAt(i) == '-') {
            negative = true;
            i++;
        }
        long units = 0;
        int digits = 0;
        int group = -1; // digits since the last comma, or -1 before any comma
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                units = units * 10 + (c - '0');
                digits++;
                if (group >= 0) {
                    group++;
                }
            } else if (c == ',' && digits > 0 && (group < 0 ? digits <= 3 : group == 3)) {
                group = 0;
            } else {
                break;
            }
        }
        if (digits == 0 || digits > MAX_DIGITS || group >= 0 && group != 3) {
            return NOT_A_CHARGE;
        }
        long fraction = 0;
        int decimals = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            for (i++; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                if (++decimals > 2) {
                    return NOT_A_CHARGE;
                }
                fraction = fraction * 10 + (s.charAt(i) - '0');
            }
        }
        if (i != s.length()) {
            return NOT_A_CHARGE;
        }
        long cents = units * 100 + (decimals == 1 ? fraction * 10 : fraction);
        return negative ? -cents : cents;
    }
}
