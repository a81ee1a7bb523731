package org.claimscrubber.domain;

/** The document's "Service type:" statement. */
public record ServiceType(String procedureCode, String text, Provenance provenance)
        implements SeedFact {
    @Override
    public String key() {
        return "Service type";
    }
}
