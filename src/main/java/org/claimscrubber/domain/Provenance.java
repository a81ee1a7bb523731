package org.claimscrubber.domain;

/**
 * Where a fact was read: the file, its 1-based line and the section heading above that line. {@code
 * interpretedBy} names the interpretations.csv row that turned prose into codes, if any.
 */
public record Provenance(String file, int line, String section, String interpretedBy) {

    public Provenance(String file, int line, String section) {
        this(file, line, section, null);
    }

    public Provenance interpretedBy(String interpretationRow) {
        return new Provenance(file, line, section, interpretationRow);
    }

    /** {@code file:line}, the form editors and terminals turn into links. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * How a finding cites this fact, e.g. {@code 002_786b855abe4afa89.txt:52, Related CPT Codes:
     * 88305}.
     */
    public String cite(String key) {
        String cited = location() + ", " + section + ": " + key;
        return interpretedBy == null ? cited : cited + " (as read by " + interpretedBy + ")";
    }
}
