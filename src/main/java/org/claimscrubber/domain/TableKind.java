package org.claimscrubber.domain;

import java.util.Locale;
import java.util.Optional;

/** The tables a seed document can hold, recognised by the first header cell. */
public enum TableKind {
    MODIFIERS("modifier", "modifier"),
    TAXONOMIES("taxonomy", "taxonomy"),
    DIAGNOSES("icd", "related diagnosis"),
    RELATED_PROCEDURES("cpt", "related CPT code");

    private final String headerWord;
    private final String rowNoun;

    TableKind(String headerWord, String rowNoun) {
        this.headerWord = headerWord;
        this.rowNoun = rowNoun;
    }

    /** What one row of this table is called in messages, e.g. "modifier". */
    public String rowNoun() {
        return rowNoun;
    }

    public static Optional<TableKind> fromHeader(String firstHeaderCell) {
        String cell = firstHeaderCell.toLowerCase(Locale.ROOT);
        for (TableKind kind : values()) {
            if (cell.contains(kind.headerWord)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
