package org.claimscrubber.domain;

/**
 * Every column of a line's row, by name, for rules and policy tables that need one the scrubber has
 * no field for ({@code field("Auth #")}). Patient identifiers are never given.
 */
@FunctionalInterface
public interface RowFields {

    RowFields NONE = name -> "";

    /**
     * The row's value for the column of that name (any case; '_', '-' and space alike), or "" when
     * there is none.
     */
    String get(String name);
}
