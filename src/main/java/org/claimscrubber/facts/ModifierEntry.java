package org.claimscrubber.facts;

/** A row of a document's modifier table: the modifier applies to the procedure. */
public record ModifierEntry(String procedureCode, String modifier, String description, String whenToUse,
                            boolean cutOff, Provenance provenance) implements SeedFact {
    @Override
    public String key() {
        return modifier;
    }
}
