package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A public frequency limit: {@code code} is paid for a patient at most once until {@code
 * fullMonths} full months have passed after the month of the last service among {@code
 * countedCodes} (Medicare's "11 full months after the month in which the last one was performed": a
 * screening mammogram in February 2026 makes the next one payable from 1 February 2027). A fact
 * from {@code seeds/frequency-limits.csv} or a payer policy table.
 *
 * @param payer the payer scope the limit applies to ("Medicare"), as a rule's @payers names it
 */
public record FrequencyLimit(
        String code, List<String> countedCodes, String payer, int fullMonths, String source) {

    public FrequencyLimit {
        countedCodes = List.copyOf(countedCodes);
    }

    /** The first day a service is payable again after one on {@code last}. */
    public LocalDate payableFrom(LocalDate last) {
        return last.withDayOfMonth(1).plusMonths(fullMonths + 1L);
    }

    /** True when a service on {@code date} comes too soon after one on {@code last}. */
    public boolean tooSoon(LocalDate last, LocalDate date) {
        return date.isBefore(payableFrom(last));
    }
}
