package org.claimscrubber.domain;

/**
 * What the official facts say of one seed table row. A CONTRADICTED row never makes a claim pass; a
 * finding that rests on one says so and cites both the seed line and the official source.
 *
 * @param officialLabel the code's official label, or "" when the official facts do not know the
 *     code
 * @param source where the official label comes from (file:line and publisher), or ""
 * @param problem for a contradicted row, what is wrong in words a coder would use; otherwise ""
 */
public record OfficialCheck(Verdict verdict, String officialLabel, String source, String problem) {

    public enum Verdict {
        /** The official label agrees with the document's wording. */
        CONFIRMED,
        /**
         * The official facts say otherwise: a wrong label, a code that is not a code, a swapped
         * side.
         */
        CONTRADICTED,
        /**
         * The official facts do not know the code, or the row has no wording to compare (cut off).
         */
        UNVERIFIED
    }

    public static final OfficialCheck UNCHECKED = new OfficialCheck(Verdict.UNVERIFIED, "", "", "");

    public static OfficialCheck confirmed(String label, String source) {
        return new OfficialCheck(Verdict.CONFIRMED, label, source, "");
    }

    public static OfficialCheck contradicted(String label, String source, String problem) {
        return new OfficialCheck(Verdict.CONTRADICTED, label, source, problem);
    }

    public static OfficialCheck unverified(String label, String source) {
        return new OfficialCheck(Verdict.UNVERIFIED, label, source, "");
    }

    public boolean contradicted() {
        return verdict == Verdict.CONTRADICTED;
    }
}
