package org.claimscrubber.domain;

/** The document says data is not available in a section ("Data not available in the input."). */
public record NotAvailable(String procedureCode, String section, Provenance provenance)
        implements SeedFact {
    @Override
    public String key() {
        return "data not available";
    }
}
