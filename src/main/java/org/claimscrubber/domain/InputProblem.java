package org.claimscrubber.domain;

/**
 * A row or field that could not be read. A rejected row is not scrubbed (its claim's other lines are);
 * a field problem leaves the row scrubbed without that field. INPUT rules turn these into findings.
 *
 * @param lineNumber the claim line number, or null when the row's own line number could not be read
 * @param field      the column at fault, or null for the row as a whole (e.g. a wrong field count)
 */
public record InputProblem(String claimId, long claimOrder, Integer lineNumber, String field, String message,
                           boolean rejected, String sourceFile, long sourceLine) {

    /** {@code file:line}, naming the physical line of the input file. */
    public String location() {
        return sourceFile + ":" + sourceLine;
    }
}
