package org.claimscrubber.domain;

/** A row of a document's modifier table: the modifier applies to the procedure. */
public record ModifierEntry(
        String procedureCode,
        String modifier,
        String description,
        String whenToUse,
        boolean cutOff,
        Provenance provenance,
        OfficialCheck check)
        implements SeedFact {
    /** A row as the parser reads it, before the official facts are compared with it. */
    public ModifierEntry(
            String procedureCode,
            String modifier,
            String description,
            String whenToUse,
            boolean cutOff,
            Provenance provenance) {
        this(
                procedureCode,
                modifier,
                description,
                whenToUse,
                cutOff,
                provenance,
                OfficialCheck.UNCHECKED);
    }

    public ModifierEntry checked(OfficialCheck result) {
        return new ModifierEntry(
                procedureCode, modifier, description, whenToUse, cutOff, provenance, result);
    }

    public boolean contradicted() {
        return check.contradicted();
    }

    @Override
    public String key() {
        return modifier;
    }
}
