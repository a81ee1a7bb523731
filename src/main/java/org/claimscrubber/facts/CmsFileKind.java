package org.claimscrubber.facts;

/**
 * The kinds of CMS file a {@code --reference} folder may hold, each told apart by its header (the
 * file names vary from quarter to quarter): the NCCI procedure-to-procedure edits, medically
 * unlikely edits and add-on code edits, and the HCPCS quarterly file.
 */
enum CmsFileKind {
    PTP,
    MUE,
    AOC,
    HCPCS
}
