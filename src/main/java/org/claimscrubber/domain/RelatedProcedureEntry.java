package org.claimscrubber.domain;

/**
 * A related CPT code: a row of the document's related-CPT table, or a companion surgery its prose
 * names. {@code relationship} is how interpretations.csv reads {@code relationshipText}.
 */
public record RelatedProcedureEntry(
        String procedureCode,
        String relatedCode,
        String description,
        String relationshipText,
        Relationship relationship,
        boolean cutOff,
        Provenance provenance)
        implements SeedFact {
    @Override
    public String key() {
        return relatedCode;
    }
}
