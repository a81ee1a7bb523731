package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One scrubbed claim line, as the rules see it: codes normalised, diagnoses with their side and
 * sex. Patient identifiers and birth dates are deliberately absent, so no rule or message can show
 * them. The line's values come in four groups (the service, its coding, the rendering provider, the
 * patient) and where it was read; rules name them directly ({@code procedureCode}, {@code payer},
 * ...) through the accessors below. The {@code hasX()/xContradictsY()} methods are cheap tests
 * rules put first, so the costlier part of a rule (looking at each diagnosis or modifier) runs only
 * for the few lines that can match.
 *
 * @param claimOrder position of the claim's first row in the run, which orders the findings
 * @param claim the claim's lines, this one included
 */
public record ClaimLine(
        String claimId,
        long claimOrder,
        int lineNumber,
        Service service,
        Coding coding,
        Provider provider,
        Patient patient,
        Origin origin,
        ClaimLines claim) {

    /**
     * When, where and for whom the service was billed.
     *
     * @param priorAuthorization the prior authorization number the export gives, or ""
     */
    public record Service(
            LocalDate date, String placeOfService, String payer, String priorAuthorization) {}

    /**
     * What was billed: the procedure with its modifiers and units, and the diagnoses.
     *
     * @param diagnosesRead false when the export has no diagnosis column at all (then "no
     *     diagnosis" is not a finding on every line: the run says once that the column is missing)
     */
    public record Coding(
            String procedureCode,
            List<String> modifiers,
            int units,
            List<Diagnosis> diagnoses,
            boolean diagnosesRead) {

        public Coding {
            // A code written twice on one line ("ZZ;ZZ") is one code: one finding, not one per
            // repeat.
            modifiers = distinct(modifiers);
            diagnoses = distinct(diagnoses);
        }
    }

    /** The rendering provider: taxonomy code and NPI, each "" when the export has none. */
    public record Provider(String taxonomy, String npi) {}

    /**
     * What the rules may know of the patient.
     *
     * @param age whole years on the date of service, computed from the birth date, which is not
     *     kept; {@link Age#UNKNOWN} without a readable birth date, {@link Age#BEFORE_BIRTH} when
     *     the service is dated before it
     * @param key the keyed hash (HMAC-SHA-256) of the patient id when a claim history is kept, else
     *     empty; never the id itself
     */
    public record Patient(Sex sex, int age, String key) {}

    /**
     * Where the line was read.
     *
     * @param file the input file as given and {@code line} its physical line
     * @param fields the row's other columns, by name ({@link ClaimLine#field}); never patient
     *     identifiers
     */
    public record Origin(String file, long line, RowFields fields) {}

    /**
     * The list without repeats, in order; most lines have one or two codes, so no set is built for
     * them.
     */
    private static <T> List<T> distinct(List<T> values) {
        if (values.size() < 2 || values.size() == 2 && !values.get(0).equals(values.get(1))) {
            return List.copyOf(values);
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    public LocalDate dateOfService() {
        return service.date();
    }

    public String placeOfService() {
        return service.placeOfService();
    }

    public String payer() {
        return service.payer();
    }

    public String priorAuthorization() {
        return service.priorAuthorization();
    }

    public String procedureCode() {
        return coding.procedureCode();
    }

    public List<String> modifiers() {
        return coding.modifiers();
    }

    public int units() {
        return coding.units();
    }

    public List<Diagnosis> diagnoses() {
        return coding.diagnoses();
    }

    public boolean diagnosesRead() {
        return coding.diagnosesRead();
    }

    public String renderingTaxonomy() {
        return provider.taxonomy();
    }

    public String renderingNpi() {
        return provider.npi();
    }

    public Sex patientSex() {
        return patient.sex();
    }

    public int patientAge() {
        return patient.age();
    }

    public String patientKey() {
        return patient.key();
    }

    public String sourceFile() {
        return origin.file();
    }

    public long sourceLine() {
        return origin.line();
    }

    public RowFields fields() {
        return origin.fields();
    }

    /** Names the line, not its values: a fact's text can reach an error message. */
    @Override
    public String toString() {
        return "ClaimLine[claim "
                + claimId
                + " line "
                + lineNumber
                + ", "
                + origin.file()
                + ":"
                + origin.line()
                + "]";
    }

    /**
     * A line is itself: two rows with the same values are still two lines (and hashing is cheap).
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** True when a diagnosis is for the other sex than the patient's (known) sex. */
    public boolean diagnosisContradictsPatientSex() {
        Sex patientSex = patient.sex();
        if (patientSex == Sex.UNKNOWN) {
            return false;
        }
        for (Diagnosis diagnosis : coding.diagnoses()) {
            if (diagnosis.impliedSex() != Sex.UNKNOWN && diagnosis.impliedSex() != patientSex) {
                return true;
            }
        }
        return false;
    }

    /**
     * Any column of the row by name: a known one by its documented name or alias ({@code
     * field("billing_npi")}), another by its header ({@code field("Auth #")}); "" when the export
     * has none. Patient identifiers give "".
     */
    public String field(String name) {
        return origin.fields().get(name);
    }

    /** True when the patient's age on the date of service is known. */
    public boolean hasPatientAge() {
        return patient.age() >= 0;
    }

    /** True when another line of the same claim has this line's procedure code. */
    public boolean sharesProcedureWithAnotherLine() {
        return claim.repeats(this);
    }

    /**
     * The first earlier line of the claim with this procedure, date and modifiers, or 0 (see
     * DUP-001).
     */
    public int firstEarlierDuplicate() {
        return claim.firstEarlierDuplicate(this);
    }

    /** True when an earlier row of the claim has this line's line number (see DUP-002). */
    public boolean repeatsAnEarlierLineNumber() {
        return claim.earlierRowWithItsNumber(this) != null;
    }

    /**
     * Where the earlier row with this line's number was read ("claims.csv:12"), or "" when there is
     * none.
     */
    public String earlierRowWithItsNumber() {
        ClaimLine first = claim.earlierRowWithItsNumber(this);
        return first == null ? "" : first.sourceFile() + ":" + first.sourceLine();
    }

    /**
     * True when a line of the same claim bills {@code procedure} on this line's date of service.
     */
    public boolean hasOnItsDate(String procedure) {
        return claim.hasProcedureOn(procedure, service.date());
    }

    /** True for the first line of its procedure and date on the claim. */
    public boolean isFirstOfItsService() {
        return claim.isFirstOfItsService(this);
    }

    /** The units of this line's procedure on its date, over the whole claim. */
    public long unitsOnItsDate() {
        return claim.unitsOn(coding.procedureCode(), service.date());
    }

    public boolean hasModifier(String modifier) {
        return coding.modifiers().contains(modifier);
    }

    /**
     * The side the line's modifiers name: RT, and the right eyelid (E3, E4), thumb and fingers
     * (F5-F9) and toes (T5-T9); LT and the left ones (E1, E2, FA, F1-F4, TA, T1-T4). NOT_SIDED when
     * none or both sides are named.
     */
    public Side modifierSide() {
        boolean right = false;
        boolean left = false;
        for (String modifier : coding.modifiers()) {
            Side side = sideOfModifier(modifier);
            right |= side == Side.RIGHT;
            left |= side == Side.LEFT;
        }
        return right == left ? Side.NOT_SIDED : right ? Side.RIGHT : Side.LEFT;
    }

    /** The side a HCPCS anatomic modifier names (CMS HCPCS Level II modifiers), or NOT_SIDED. */
    public static Side sideOfModifier(String modifier) {
        if (modifier.length() != 2) {
            return Side.NOT_SIDED;
        }
        char kind = modifier.charAt(0);
        char which = modifier.charAt(1);
        if (modifier.equals("RT")) {
            return Side.RIGHT;
        }
        if (modifier.equals("LT")) {
            return Side.LEFT;
        }
        if (kind == 'E' && which >= '1' && which <= '4') {
            return which <= '2' ? Side.LEFT : Side.RIGHT;
        }
        if (kind == 'F' || kind == 'T') {
            if (which == 'A' || which >= '1' && which <= '4') {
                return Side.LEFT;
            }
            if (which >= '5' && which <= '9') {
                return Side.RIGHT;
            }
        }
        return Side.NOT_SIDED;
    }

    /**
     * True when a diagnosis is not of the ICD-10-CM shape (a cheap test before a rule looks at
     * each).
     */
    public boolean hasMalformedDiagnosis() {
        for (Diagnosis diagnosis : coding.diagnoses()) {
            if (!CodeFormat.DIAGNOSIS.accepts(diagnosis.code())) {
                return true;
            }
        }
        return false;
    }

    /** The first-listed diagnosis (the line's first pointer), or "" when the line has none. */
    public String firstDiagnosis() {
        return coding.diagnoses().isEmpty() ? "" : coding.diagnoses().get(0).code();
    }

    public List<String> diagnosisCodes() {
        return coding.diagnoses().stream().map(Diagnosis::code).toList();
    }

    /**
     * The modifiers in a fixed order, so two lines with the same modifiers in any order compare
     * equal.
     */
    public String modifierKey() {
        List<String> sorted = new ArrayList<>(coding.modifiers());
        sorted.sort(null);
        return String.join(" ", sorted);
    }
}
