package org.claimscrubber.domain;

/**
 * One table of a seed document: how many rows were read and whether the table is cut off (its last
 * row ends mid-row at the end of the file), in which case its list is incomplete.
 */
public record TableInfo(
        String procedureCode,
        TableKind table,
        int rows,
        boolean cutOff,
        int lastLine,
        Provenance provenance)
        implements SeedFact {

    @Override
    public String key() {
        return table.rowNoun() + " table";
    }

    /** A clause for messages: empty for a complete table, an explanation for a cut-off one. */
    public String completenessNote() {
        return cutOff
                ? " The document's "
                        + table.rowNoun()
                        + " table is cut off at line "
                        + lastLine
                        + ", so its list is incomplete."
                : "";
    }
}
