package org.claimscrubber.input;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading a file, or one part of it, counted: its physical lines, rows, blank lines, the lines
 * that were not claim rows (and the first few of them), and how its slash dates read. The Spark job
 * reads a large file as several parts and adds their counts up in file order ({@link #then}); the
 * file's run.json entry is made from the sum as the local run makes it from one reading ({@link
 * SourceReader#describe}).
 *
 * @param spansLines some line ended inside a quoted field (so the file cannot be read in parts from
 *     line starts)
 */
public record ReadCounts(
        long lines,
        long rows,
        long blankLines,
        long notClaimRows,
        List<Long> notClaimLines,
        long dayFirstDates,
        long eitherOrderDates,
        String eitherOrderExample,
        boolean spansLines)
        implements Serializable {

    /** How many lines that are not claim rows run.json names; the rest are counted. */
    static final int LINES_NAMED = 10;

    public ReadCounts {
        notClaimLines = List.copyOf(notClaimLines);
    }

    /** These counts and those of the part of the file that follows. */
    public ReadCounts then(ReadCounts next) {
        List<Long> named = new ArrayList<>(notClaimLines);
        for (Long line : next.notClaimLines) {
            if (named.size() < LINES_NAMED) {
                named.add(line);
            }
        }
        return new ReadCounts(
                lines + next.lines,
                rows + next.rows,
                blankLines + next.blankLines,
                notClaimRows + next.notClaimRows,
                named,
                dayFirstDates + next.dayFirstDates,
                eitherOrderDates + next.eitherOrderDates,
                eitherOrderExample != null ? eitherOrderExample : next.eitherOrderExample,
                spansLines || next.spansLines);
    }
}
