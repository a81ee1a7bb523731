package org.claimscrubber.domain;

/**
 * A row or field that could not be read. A rejected row is not scrubbed (its claim's other lines
 * are); a field problem leaves the row scrubbed without that field. INPUT rules turn these into
 * findings.
 *
 * @param lineNumber the claim line number, or null when the row's own line number could not be read
 * @param field the column at fault, or null for the row as a whole (e.g. a wrong field count)
 */
public record InputProblem(
        String claimId,
        long claimOrder,
        Integer lineNumber,
        String field,
        String message,
        boolean rejected,
        String sourceFile,
        long sourceLine) {

    /**
     * A row that could not be read as a whole (wrong field count, broken quoting): it is not
     * scrubbed.
     */
    public static InputProblem unreadableRow(
            String claimId,
            long claimOrder,
            Integer lineNumber,
            String message,
            String file,
            long line) {
        return new InputProblem(claimId, claimOrder, lineNumber, null, message, true, file, line);
    }

    /** A required field that could not be read: the row is not scrubbed. */
    public static InputProblem unreadableField(
            String claimId,
            long claimOrder,
            Integer lineNumber,
            String field,
            String message,
            String file,
            long line) {
        return new InputProblem(claimId, claimOrder, lineNumber, field, message, true, file, line);
    }

    /** An optional field that could not be read: the row is scrubbed without it. */
    public static InputProblem fieldWarning(
            String claimId,
            long claimOrder,
            Integer lineNumber,
            String field,
            String message,
            String file,
            long line) {
        return new InputProblem(claimId, claimOrder, lineNumber, field, message, false, file, line);
    }

    /**
     * A claim refused as a whole (more rows than a claim may have): none of its rows is scrubbed.
     */
    public static InputProblem refusedClaim(
            String claimId, long claimOrder, String message, String file, long line) {
        return new InputProblem(claimId, claimOrder, null, null, message, true, file, line);
    }

    /** A note on a claim as a whole (its rows came from several files): the claim is scrubbed. */
    public static InputProblem claimNote(
            String claimId, long claimOrder, String message, String file, long line) {
        return new InputProblem(claimId, claimOrder, null, null, message, false, file, line);
    }

    /** {@code file:line}, naming the physical line of the input file. */
    public String location() {
        return sourceFile + ":" + sourceLine;
    }
}
