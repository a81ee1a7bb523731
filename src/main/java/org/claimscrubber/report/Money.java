package org.claimscrubber.report;

import org.claimscrubber.input.Charge;

/**
 * Charges in cents for the reports' totals: what {@link Charge} reads, and nothing for what it does
 * not.
 */
public final class Money {

    private Money() {}

    /**
     * The charge in cents; 0 for an empty cell or text that is not a charge (its row has an
     * INPUT-002).
     */
    public static long cents(String text) {
        long cents = Charge.cents(text);
        return cents == Charge.NOT_A_CHARGE ? 0 : cents;
    }
}
