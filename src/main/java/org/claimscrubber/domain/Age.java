package org.claimscrubber.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * The patient's age on a date of service, as the age edits need it. The birth date itself is never
 * kept: a line carries whole years only. Messages name ages up to 89 and say "90 or older" above,
 * as HIPAA's Safe Harbor de-identification does, since a great age can identify a patient.
 */
public final class Age {

    /** No readable birth date: the age edits do not run. */
    public static final int UNKNOWN = -1;

    /** The date of service is before the birth date. */
    public static final int BEFORE_BIRTH = -2;

    /** The oldest age the Medicare Code Editor accepts (its adult range is 15 to 124). */
    public static final int OLDEST = 124;

    private Age() {}

    /**
     * Whole years from birth to the date of service, or {@link #BEFORE_BIRTH} or {@link #UNKNOWN}.
     */
    public static int on(LocalDate dateOfService, LocalDate birthDate) {
        if (dateOfService == null || birthDate == null) {
            return UNKNOWN;
        }
        if (dateOfService.isBefore(birthDate)) {
            return BEFORE_BIRTH;
        }
        return Period.between(birthDate, dateOfService).getYears();
    }

    /** "7 years old", "under 1 year old", "90 or older": an age as a message may show it. */
    public static String describe(int age) {
        if (age == 0) {
            return "under 1 year old";
        }
        if (age > 89) {
            return "90 or older";
        }
        return age == 1 ? "1 year old" : age + " years old";
    }
}
