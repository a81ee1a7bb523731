package org.claimscrubber.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Diagnoses that fit only patients of some ages (diagnosis-ages.csv), in the Medicare Code Editor's
 * age groups: newborn (0), pediatric (0-17), maternity (9-64) and adult (15-124). The MCE is an
 * inpatient editor and its own code lists are not public as data, so the table holds only what a
 * coder would defend from the ICD-10-CM Tabular and Official Guidelines. Perinatal (P) codes are
 * deliberately absent: Guideline I.C.16.a.4 lets a perinatal condition be coded for life. One
 * object in every session, asked through the global {@code ages}.
 */
public final class DiagnosisAges {

    /**
     * A range of ICD-10-CM codes (categories such as O00 to O9A, or one subcategory such as Z00.12)
     * and the ages that fit it.
     *
     * @param impossible true where a patient outside the ages cannot have the condition (a liveborn
     *     adult), so a payer denies it; false where the MCE flags it for review (maternity at 8 or
     *     at 65)
     */
    public record Range(
            String fromCode,
            String toCode,
            int minAge,
            int maxAge,
            boolean impossible,
            String group,
            String source,
            Provenance provenance)
            implements Cited {

        public boolean covers(String code) {
            return code.compareTo(fromCode) >= 0
                    && (code.startsWith(toCode) || code.compareTo(toCode) <= 0);
        }

        public boolean admits(int age) {
            return age >= minAge && age <= maxAge;
        }

        /** "ages 9 to 64", "age 0 (a newborn)". */
        public String ages() {
            return minAge == maxAge
                    ? "age " + minAge + (minAge == 0 ? " (a newborn)" : "")
                    : "ages " + minAge + " to " + maxAge;
        }

        @Override
        public String citation() {
            return provenance.location() + " (" + source + ")";
        }
    }

    /** A diagnosis of the line and the range whose ages the patient is outside. */
    public record Conflict(Diagnosis diagnosis, Range range) {}

    private final List<Range> ranges;

    public DiagnosisAges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public List<Range> ranges() {
        return ranges;
    }

    /**
     * True when the patient's known age is outside the ages of a line's diagnosis (of the kind
     * asked).
     */
    public boolean hasConflict(ClaimLine line, boolean impossible) {
        if (!line.hasPatientAge()) {
            return false;
        }
        for (Diagnosis diagnosis : line.diagnoses()) {
            if (conflictOf(diagnosis, line.patientAge(), impossible) != null) {
                return true;
            }
        }
        return false;
    }

    public List<Conflict> conflicts(ClaimLine line, boolean impossible) {
        List<Conflict> conflicts = new ArrayList<>(1);
        if (line.hasPatientAge()) {
            for (Diagnosis diagnosis : line.diagnoses()) {
                Range range = conflictOf(diagnosis, line.patientAge(), impossible);
                if (range != null) {
                    conflicts.add(new Conflict(diagnosis, range));
                }
            }
        }
        return conflicts;
    }

    private Range conflictOf(Diagnosis diagnosis, int age, boolean impossible) {
        for (Range range : ranges) {
            if (range.impossible() == impossible
                    && range.covers(diagnosis.code())
                    && !range.admits(age)) {
                return range;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "diagnosis age ranges (" + ranges.size() + ")";
    }
}
