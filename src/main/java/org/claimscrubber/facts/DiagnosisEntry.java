package org.claimscrubber.facts;

/** A row of a document's related-diagnoses table; {@code diagnosis} is normalised (upper case, dotted). */
public record DiagnosisEntry(String procedureCode, String diagnosis, String description, String relevance,
                             boolean cutOff, Provenance provenance) implements SeedFact {
    @Override
    public String key() {
        return diagnosis;
    }
}
