package org.claimscrubber.facts;

/** A row of a document's provider taxonomy table. */
public record TaxonomyEntry(String procedureCode, String taxonomy, String specialty, String notes,
                            boolean cutOff, Provenance provenance) implements SeedFact {
    @Override
    public String key() {
        return taxonomy;
    }
}
