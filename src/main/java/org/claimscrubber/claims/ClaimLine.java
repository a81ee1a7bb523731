package org.claimscrubber.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.codes.Diagnosis;
import org.claimscrubber.codes.Sex;
import org.claimscrubber.codes.Side;

/**
 * One scrubbed claim line, as the rules see it: codes normalised, diagnoses with their side and sex.
 * Patient identifiers and birth dates are deliberately absent, so no rule or message can show them.
 *
 * @param claimOrder  position of the claim's first row in the run, which orders the findings
 * @param sourceFile  the input file name (without directories) and {@code sourceLine} its physical line
 */
public record ClaimLine(String claimId, long claimOrder, int lineNumber, LocalDate dateOfService,
                        String procedureCode, List<String> modifiers, int units, List<Diagnosis> diagnoses,
                        String renderingTaxonomy, String renderingNpi, String placeOfService, String payer,
                        Sex patientSex, String sourceFile, long sourceLine) {

    public ClaimLine {
        modifiers = List.copyOf(modifiers);
        diagnoses = List.copyOf(diagnoses);
    }

    public boolean hasModifier(String modifier) {
        return modifiers.contains(modifier);
    }

    /** RIGHT for RT alone, LEFT for LT alone, otherwise NOT_SIDED. */
    public Side modifierSide() {
        boolean right = hasModifier("RT");
        boolean left = hasModifier("LT");
        return right == left ? Side.NOT_SIDED : right ? Side.RIGHT : Side.LEFT;
    }

    public boolean hasDiagnosisOnSide(Side side) {
        return diagnoses.stream().anyMatch(diagnosis -> diagnosis.side() == side);
    }

    public List<String> diagnosisCodes() {
        return diagnoses.stream().map(Diagnosis::code).toList();
    }

    /** The modifiers in a fixed order, so two lines with the same modifiers in any order compare equal. */
    public String modifierKey() {
        List<String> sorted = new ArrayList<>(modifiers);
        sorted.sort(null);
        return String.join(" ", sorted);
    }

    public boolean hasTaxonomy() {
        return !renderingTaxonomy.isEmpty();
    }

    public boolean hasPlaceOfService() {
        return !placeOfService.isEmpty();
    }
}
