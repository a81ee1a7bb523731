package org.claimscrubber.domain;

/** The document's "Typical site of service:" statement, as written. */
public record TypicalSite(String procedureCode, String text, Provenance provenance)
        implements SeedFact {
    @Override
    public String key() {
        return "Typical site of service";
    }
}
