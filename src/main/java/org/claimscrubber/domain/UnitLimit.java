package org.claimscrubber.domain;

/**
 * The unit basis the document states (e.g. "per breast") and the limits it was read as: at most
 * {@code maxUnitsPerLine} on a line and {@code maxUnitsPerDay} on one claim and date.
 */
public record UnitLimit(
        String procedureCode,
        String basis,
        int maxUnitsPerLine,
        int maxUnitsPerDay,
        Provenance provenance)
        implements SeedFact {
    /** One unit per line and two per date: one side of a paired organ per line ("per breast"). */
    public boolean isPerSide() {
        return maxUnitsPerLine == 1 && maxUnitsPerDay == 2;
    }

    @Override
    public String key() {
        return "reported " + basis;
    }
}
