package org.claimscrubber.domain;

/** A fact read from a seed document; rules join claim lines with these. */
public interface SeedFact extends Cited {

    /** The procedure code the document is about. */
    String procedureCode();

    Provenance provenance();

    /** The short key a citation names, e.g. the modifier or diagnosis code of a table row. */
    String key();

    /** How a finding cites this fact. */
    @Override
    default String citation() {
        return provenance().cite(key());
    }
}
