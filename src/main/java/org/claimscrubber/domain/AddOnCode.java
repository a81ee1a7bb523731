package org.claimscrubber.domain;

/**
 * The procedure is an add-on code, billed only with {@code primaryCode} on the same claim and date.
 */
public record AddOnCode(String procedureCode, String primaryCode, Provenance provenance)
        implements SeedFact {
    @Override
    public String key() {
        return "add-on to " + primaryCode;
    }
}
