package org.claimscrubber.domain;

/** What a finding is about: the {@code category} column of the reports. */
public enum Category {
    /** A row or field that cannot be read. */
    INPUT,
    /** A malformed or invalid procedure, diagnosis, modifier, taxonomy or place-of-service code. */
    CODE,
    /**
     * A modifier not listed for the procedure in its document, or conflicting modifiers on one
     * line.
     */
    MODIFIER,
    /** None of the line's diagnoses is among the procedure's related diagnoses. */
    DIAGNOSIS,
    /** The rendering taxonomy is not among the procedure's taxonomies. */
    PROVIDER,
    /** An add-on code without its primary code on the same claim and date of service. */
    ADD_ON,
    /** More units than the document allows. */
    UNITS,
    /** RT/LT contradicts the diagnosis side, or both sides on one line. */
    LATERALITY,
    /** Not a typical site for the procedure. */
    PLACE_OF_SERVICE,
    /** A procedure without the surgery its document says it accompanies. */
    RELATED_PROCEDURE,
    /**
     * The same procedure, date and modifiers billed twice on a claim, or already sent on an earlier
     * claim.
     */
    DUPLICATE,
    /**
     * A service sooner than its frequency limit allows after the patient's last one (claim
     * history).
     */
    FREQUENCY,
    /** The patient's sex contradicts the diagnosis. */
    PATIENT,
    /**
     * An NCCI procedure-to-procedure edit: a Column 2 code billed with its Column 1 code on the
     * same date.
     */
    PTP,
    /** A payer's own policy, from a policy table (rules/*.policies.csv). */
    PAYER_POLICY
}
