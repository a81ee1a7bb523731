package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One row of the curated official facts (official-facts.csv): a code, its official label, whether
 * it is billable or active, its effective and deletion dates, add-on primary and unit basis, and
 * its source.
 *
 * @param status the billable_or_active column ("billable", "not billable", "active", "deleted", or
 *     a rule's name for RULE rows); empty where the source says nothing
 * @param effective first date of service on which the code may be billed, or null
 * @param deletion first date of service on which it may no longer be billed, or null
 */
public record OfficialCode(
        OfficialKind kind,
        String code,
        String label,
        String status,
        LocalDate effective,
        LocalDate deletion,
        String addOnPrimary,
        String unitBasis,
        String source,
        Provenance provenance) {

    /**
     * The status of a RULE row naming a modifier CPT says is not appended to add-on codes (modifier
     * 51).
     */
    public static final String NOT_FOR_ADD_ON = "not_for_add_on";

    /** Marks a row that records a code as absent from its code set (e.g. 207XS0100X from NUCC). */
    private static final String NOT_A_CODE = "(not a code";

    public boolean billable() {
        return !status.toLowerCase(Locale.ROOT).startsWith("not billable");
    }

    public boolean notACode() {
        return label.toLowerCase(Locale.ROOT).startsWith(NOT_A_CODE);
    }

    /** True when a date of service falls within the code's effective and deletion dates. */
    public boolean isEffectiveOn(LocalDate date) {
        return (effective == null || !date.isBefore(effective))
                && (deletion == null || date.isBefore(deletion));
    }

    /** The label without its parenthesised notes, for comparing with a document's wording. */
    public String plainLabel() {
        return label.replaceAll("\\s*\\([^)]*\\)", "").strip();
    }

    /**
     * How a finding cites this row, e.g. {@code official-facts.csv:69 (CMS OPPS Addendum B ...)}.
     */
    public String citation() {
        return provenance.location() + " (" + source + ")";
    }

    /** The code with its official label, e.g. {@code 0471T ((Category III) OCT of skin ...)}. */
    public String described() {
        return code + " (" + label + ")";
    }
}
