package org.claimscrubber.input;

import java.util.Locale;

/**
 * The columns a claim export may carry. Headers match case-insensitively, with '_', '-' and space
 * alike.
 */
public enum Column {
    CLAIM_ID(true),
    LINE_NUMBER(true),
    DATE_OF_SERVICE(true),
    PROCEDURE_CODE(true),
    MODIFIERS,
    MODIFIER_1,
    MODIFIER_2,
    MODIFIER_3,
    MODIFIER_4,
    UNITS,
    DIAGNOSIS_CODES,
    DIAGNOSIS_1,
    DIAGNOSIS_2,
    DIAGNOSIS_3,
    DIAGNOSIS_4,
    DIAGNOSIS_5,
    DIAGNOSIS_6,
    DIAGNOSIS_7,
    DIAGNOSIS_8,
    DIAGNOSIS_9,
    DIAGNOSIS_10,
    DIAGNOSIS_11,
    DIAGNOSIS_12,
    RENDERING_TAXONOMY,
    RENDERING_NPI,
    PLACE_OF_SERVICE,
    PAYER,
    PATIENT_ID,
    PATIENT_SEX,
    PATIENT_BIRTH_DATE,
    CHARGE,
    PRIOR_AUTHORIZATION,
    BILLING_NPI,
    REFERRING_NPI,
    CLAIM_FREQUENCY_CODE,
    ACCIDENT_INDICATOR;

    private final boolean required;

    Column() {
        this(false);
    }

    Column(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    /**
     * Columns whose values identify the patient: never readable by a rule (see {@link
     * ColumnMap#field}).
     */
    public boolean identifiesThePatient() {
        return this == PATIENT_ID || this == PATIENT_BIRTH_DATE;
    }

    /** The name as documented, e.g. {@code date_of_service}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A header reduced to letters and digits, so "Date of Service", "date-of-service" and
     * "DATE_OF_SERVICE" agree.
     */
    static String matchKey(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }
}
