package org.claimscrubber.domain;

/** A row of a document's provider taxonomy table. */
public record TaxonomyEntry(
        String procedureCode,
        String taxonomy,
        String specialty,
        String notes,
        boolean cutOff,
        Provenance provenance,
        OfficialCheck check)
        implements SeedFact {
    /** A row as the parser reads it, before the official facts are compared with it. */
    public TaxonomyEntry(
            String procedureCode,
            String taxonomy,
            String specialty,
            String notes,
            boolean cutOff,
            Provenance provenance) {
        this(
                procedureCode,
                taxonomy,
                specialty,
                notes,
                cutOff,
                provenance,
                OfficialCheck.UNCHECKED);
    }

    public TaxonomyEntry checked(OfficialCheck result) {
        return new TaxonomyEntry(
                procedureCode, taxonomy, specialty, notes, cutOff, provenance, result);
    }

    public boolean contradicted() {
        return check.contradicted();
    }

    @Override
    public String key() {
        return taxonomy;
    }
}
