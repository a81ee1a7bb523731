package org.claimscrubber.domain;

/** The procedure a seed document is about, with its title. */
public record ProcedureDocument(String procedureCode, String title, Provenance provenance)
        implements SeedFact {
    @Override
    public String key() {
        return "CPT " + procedureCode;
    }
}
