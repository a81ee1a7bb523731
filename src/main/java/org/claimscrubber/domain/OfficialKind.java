package org.claimscrubber.domain;

/** The kinds of row in official-facts.csv. */
public enum OfficialKind {
    MODIFIER,
    TAXONOMY,
    ICD10CM,
    PROCEDURE,
    POS,
    /**
     * A coding rule, e.g. "modifier 51 is not appended to add-on codes" ({@code status} says
     * which).
     */
    RULE
}
