package org.claimscrubber.report;

import java.math.BigDecimal;

/** Charges as exports write them ("4210.00", "$4,210", "-5.00"), in cents; anything else counts as nothing. */
public final class Money {

    private Money() {
    }

    public static long cents(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        long fast = plainCents(text);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        String plain = text.strip().replace("$", "").replace(",", "");
        try {
            return new BigDecimal(plain).movePointRight(2).longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }

    /**
     * "4210.00", "96", "-5.5": digits with at most two decimals, read without a BigDecimal (it runs for every row
     * of an export with a charge column); Long.MIN_VALUE for anything else, which the slow path reads.
     */
    private static long plainCents(String text) {
        int i = 0;
        boolean negative = text.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long units = 0;
        int digits = 0;
        for (; i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
            units = units * 10 + (text.charAt(i) - '0');
        }
        int decimals = 0;
        long fraction = 0;
        if (i < text.length() && text.charAt(i) == '.') {
            for (i++; i < text.length() && Character.isDigit(text.charAt(i)) && decimals < 2; i++, decimals++) {
                fraction = fraction * 10 + (text.charAt(i) - '0');
            }
        }
        if (i != text.length() || digits == 0 || digits > 15) {
            return Long.MIN_VALUE;
        }
        long cents = units * 100 + (decimals == 1 ? fraction * 10 : fraction);
        return negative ? -cents : cents;
    }
}
