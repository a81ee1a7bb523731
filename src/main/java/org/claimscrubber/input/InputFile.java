package org.claimscrubber.input;

import java.io.Serializable;
import java.util.List;

/**
 * An input file as read: its SHA-256, size, physical lines and data rows, and the header's columns
 * the scrubber does not know (their values are not read: a misspelled column shows here). {@code
 * warning} says when the file changed while it was read (still being written, or cut short); null
 * otherwise. {@code notChecked} says what the rules could not check because a column is missing
 * from the whole file. {@code notClaimRows} counts the rows skipped as not claim rows (a row of
 * delimiters, a "Total Charges" footer), and {@code notClaimLines} names the first of them.
 */
public record InputFile(
        String file,
        String sha256,
        long bytes,
        long lines,
        long rows,
        List<String> ignoredColumns,
        List<String> notChecked,
        String warning,
        long notClaimRows,
        List<Long> notClaimLines)
        implements Serializable {

    public InputFile {
        notClaimLines = List.copyOf(notClaimLines);
    }
}
