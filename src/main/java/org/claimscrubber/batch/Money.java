package org.claimscrubber.batch;

import java.math.BigDecimal;

/** Charges as exports write them ("4210.00", "$4,210", "-5.00"), in cents; anything else counts as nothing. */
final class Money {

    private Money() {
    }

    static long cents(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String plain = text.strip().replace("$", "").replace(",", "");
        try {
            return new BigDecimal(plain).movePointRight(2).longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }
}
