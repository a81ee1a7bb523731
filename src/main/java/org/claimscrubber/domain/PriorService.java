package org.claimscrubber.domain;

import java.time.LocalDate;

/**
 * A service an earlier night's run recorded for the same patient: the run's date, the claim it went
 * out on, its date of service and code. Rules name it in their messages ("sent 2026-11-02 on claim
 * C-17").
 */
public record PriorService(
        LocalDate runDate, String claimId, LocalDate dateOfService, String procedureCode) {

    /** "on claim C-17, scrubbed 2026-11-02": where a billing team finds the earlier claim. */
    public String where() {
        return "on claim " + claimId + ", scrubbed " + runDate;
    }
}
