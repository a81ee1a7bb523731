package org.claimscrubber.facts;

import java.util.List;
import java.util.Locale;

/**
 * One row of interpretations.csv: how a phrase in a seed document is read as codes. Keeping these
 * in a reviewable table (not in code) lets compliance staff see and change every reading of prose.
 *
 * @param appliesTo a procedure code, or {@code *} for every document
 * @param source where the row is, e.g. {@code interpretations.csv:4}
 */
public record Interpretation(
        Kind kind,
        String appliesTo,
        String phrase,
        List<String> values,
        String note,
        String source) {

    public enum Kind {
        /** A typical-site phrase read as place-of-service codes. */
        PLACE_OF_SERVICE,
        /** A related-CPT relationship phrase read as a {@link Relationship}. */
        RELATIONSHIP,
        /**
         * A prose phrase naming the surgery a procedure is performed during: values are its CPT
         * codes.
         */
        COMPANION,
        /** A unit basis ("per breast") read as limits: values {@code line=N} and {@code day=N}. */
        UNIT_BASIS,
        /**
         * A specialty a taxonomy table names, read as NUCC codes: values are codes of its NUCC
         * classification.
         */
        SPECIALTY,
        /**
         * How far a document's related-diagnoses list limits the procedure: {@code ANY} when it
         * lists examples only.
         */
        DIAGNOSIS_SCOPE
    }

    public Interpretation {
        values = List.copyOf(values);
    }

    public boolean appliesTo(String procedureCode) {
        return "*".equals(appliesTo) || appliesTo.equalsIgnoreCase(procedureCode);
    }

    public boolean foundIn(String text) {
        return text.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT));
    }
}
