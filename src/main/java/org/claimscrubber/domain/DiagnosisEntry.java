package org.claimscrubber.domain;

/**
 * A row of a document's related-diagnoses table; {@code diagnosis} is normalised (upper case,
 * dotted).
 */
public record DiagnosisEntry(
        String procedureCode,
        String diagnosis,
        String description,
        String relevance,
        boolean cutOff,
        Provenance provenance,
        OfficialCheck check)
        implements SeedFact {
    /** A row as the parser reads it, before the official facts are compared with it. */
    public DiagnosisEntry(
            String procedureCode,
            String diagnosis,
            String description,
            String relevance,
            boolean cutOff,
            Provenance provenance) {
        this(
                procedureCode,
                diagnosis,
                description,
                relevance,
                cutOff,
                provenance,
                OfficialCheck.UNCHECKED);
    }

    public DiagnosisEntry checked(OfficialCheck result) {
        return new DiagnosisEntry(
                procedureCode, diagnosis, description, relevance, cutOff, provenance, result);
    }

    public boolean contradicted() {
        return check.contradicted();
    }

    @Override
    public String key() {
        return diagnosis;
    }
}
